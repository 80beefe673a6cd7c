using Workbridge.Core.Common;
using Workbridge.Core.Work;

namespace Workbridge.Core.Training;

/// <summary>Proof that a person completed a course; issuing one adds the course's occupation to their record with certificate evidence.</summary>
public sealed class Certificate
{
    private Certificate()
    {
        Number = "";
        IscoCode = "";
    }

    public Certificate(Placement enrolment, Cohort cohort, string number, DateTime issuedAt)
    {
        if (enrolment.Kind != PlacementKind.Training || enrolment.OpeningId != cohort.Id || enrolment is not { Status: PlacementStatus.Ended, EndReason: EndReason.Completed })
        {
            throw new RuleViolation("certificate.not-completed", "A certificate is issued for a completed enrolment in this cohort only.", "placementId");
        }

        var n = number?.Trim() ?? "";
        Number = n.Length is >= 1 and <= 64 ? n : throw new RuleViolation("certificate.number", "A certificate number is 1 to 64 characters.", "number");
        Id = Ids.New();
        PersonId = enrolment.PersonId;
        PlacementId = enrolment.Id;
        CohortId = cohort.Id;
        CourseId = cohort.CourseId;
        IscoCode = cohort.IscoCode;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid PlacementId { get; private set; }

    public Guid CohortId { get; private set; }

    public Guid CourseId { get; private set; }

    public string IscoCode { get; private set; }

    public string Number { get; private set; }

    public DateTime IssuedAt { get; private set; }
}
