using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Core.Work;

namespace Workbridge.Core.Training;

/// <summary>
/// One run of a course in a facility: seats and dates. People enrol by applying; when there are more applicants than
/// seats, people without any profession come first (<see cref="Priority"/>).
/// </summary>
public sealed class Cohort : IOpening
{
    private Cohort()
    {
        Terms = null!;
    }

    public Cohort(TrainingCourse course, Facility facility, int seats, DateOnly start, DateOnly end, int hoursPerWeek, int weeklyCap, DateTime now)
    {
        Id = Ids.New();
        CourseId = course.Id;
        FacilityId = facility.Id;
        IscoCode = course.IscoCode;
        Seats = seats is >= 1 and <= 1000 ? seats : throw new RuleViolation("cohort.seats", "Seats must be 1 to 1000.", "seats");
        if (end <= start)
        {
            throw new RuleViolation("cohort.dates", "A cohort ends after it starts.", "end");
        }

        Terms = Terms.Validated(course.Title, course.Syllabus, 0, hoursPerWeek, start, end, weeklyCap);
        Status = OpeningStatus.Open;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public PlacementKind Kind => PlacementKind.Training;

    public Guid CourseId { get; private set; }

    public Guid FacilityId { get; private set; }

    public string IscoCode { get; private set; } = "";

    public int Seats { get; private set; }

    /// <summary>Course title and syllabus, hours a week and dates; training is unpaid, so the wage is zero.</summary>
    public Terms Terms { get; private set; }

    public OpeningStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    public Guid? EmployerId => null;

    public bool IsPrivateEmployer => false;

    public void Close() => (Status, Version) = (OpeningStatus.Closed, Version + 1);

    /// <summary>
    /// Before an application is accepted: a seat must be free (<paramref name="taken"/> counts accepted and active
    /// enrolments), and a person who already has a profession may take one only if the people without a profession
    /// still waiting (<paramref name="waitingWithoutProfession"/>) leave a seat over.
    /// </summary>
    public void RequireSeatFor(bool hasProfession, int taken, int waitingWithoutProfession)
    {
        if (taken >= Seats)
        {
            throw new RuleViolation("cohort.full", $"All {Seats} seats are taken.", "id");
        }

        if (hasProfession && taken + waitingWithoutProfession >= Seats)
        {
            throw new RuleViolation("cohort.priority", $"{waitingWithoutProfession} applicants without any profession are waiting for the {Seats - taken} seats left, and they come first.", "id");
        }
    }

    /// <summary>
    /// Order in which applications are taken: people with no profession first, then by when they applied, then by id so
    /// that the order is total and the same every time.
    /// </summary>
    public static IOrderedEnumerable<T> Priority<T>(IEnumerable<T> applications, Func<T, bool> hasProfession, Func<T, DateTime> appliedAt, Func<T, Guid> id) =>
        applications.OrderBy(hasProfession).ThenBy(appliedAt).ThenBy(id);
}
