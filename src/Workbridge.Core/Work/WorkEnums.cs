namespace Workbridge.Core.Work;

/// <summary>Where the work is done; decides who may take it (DESIGN.md section 3).</summary>
public enum WorkMode
{
    /// <summary>In the facility's own workshops; open to the people held there, pre-trial detainees included.</summary>
    InFacility = 1,

    /// <summary>At the employer's site in the facility's region: correctional-centre residents only.</summary>
    OffSite = 2,

    /// <summary>From supervised workstations in any facility whose region the order accepts.</summary>
    Remote = 3,
}

/// <summary>What a job gives access to; security rules refuse some of these to some offence categories. Bit flags, never renumbered.</summary>
[Flags]
public enum AccessNeed
{
    None = 0,
    PrivilegedSystems = 1 << 0,
    FinancialData = 1 << 1,
    PersonalData = 1 << 2,
    MinorsOrVulnerable = 1 << 3,
}

/// <summary>Whether an employer is a private business or a public body; pre-trial detainees never work for a private one.</summary>
public enum EmployerSector
{
    Private = 1,
    Public = 2,
}

/// <summary>Whether an order or cohort takes applications.</summary>
public enum OpeningStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>What a placement is for: work on a job order or a seat in a training cohort.</summary>
public enum PlacementKind
{
    Work = 1,
    Training = 2,
}

/// <summary>The placement (or enrolment) lifecycle of DESIGN.md section 3.</summary>
public enum PlacementStatus
{
    /// <summary>Suggested by staff or matching; nothing is agreed until the person applies.</summary>
    Proposed = 1,

    /// <summary>The person applied and consented to a snapshot of the terms.</summary>
    Applied = 2,

    /// <summary>The employer (or the facility, for workshops and training) took the application.</summary>
    Accepted = 3,

    Active = 4,
    Ended = 5,
}

/// <summary>Why a placement ended. "Withdrawn by the person" is kept apart from every end someone else decided.</summary>
public enum EndReason
{
    Completed = 1,
    WithdrawnByPerson = 2,
    EndedByEmployer = 3,
    Transferred = 4,
    Released = 5,
    SecurityRemoval = 6,
}

/// <summary>How consent was given: on the self-service page, or on paper and recorded by staff.</summary>
public enum ConsentChannel
{
    SelfService = 1,
    WrittenApplication = 2,
}
