namespace Workbridge.Core.Work;

/// <summary>Something a person can apply for: a job order (work) or a training cohort (a seat on a course).</summary>
public interface IOpening
{
    Guid Id { get; }

    PlacementKind Kind { get; }

    /// <summary>The terms in force now; a consent counts only while its hash equals theirs.</summary>
    Terms Terms { get; }

    OpeningStatus Status { get; }

    int Seats { get; }

    /// <summary>The employer, when there is one (none for a facility's own workshop or for training).</summary>
    Guid? EmployerId { get; }

    /// <summary>True when the work is for a private business: never open to a pre-trial detainee (DESIGN.md section 2).</summary>
    bool IsPrivateEmployer { get; }
}
