namespace Workbridge.Core.Registry;

/// <summary>Whether a person is presumed innocent awaiting trial or serving a sentence.</summary>
public enum LegalStatus
{
    /// <summary>Presumed innocent: may volunteer for paid work and training inside the facility, never for a private employer.</summary>
    PreTrial = 1,
    Convicted = 2,
}

/// <summary>The kind of sentence being served (Criminal Code of the Russian Federation, art. 44).</summary>
public enum SentenceKind
{
    /// <summary>No sentence: the person is held before trial.</summary>
    None = 0,

    /// <summary>Deprivation of liberty for a fixed term (art. 56).</summary>
    Imprisonment = 1,

    /// <summary>Life imprisonment (art. 57).</summary>
    LifeImprisonment = 2,

    /// <summary>"Forced labour" (art. 53.1): living in a correctional centre, working for an employer, 5–20 % of wages to the state.</summary>
    CorrectionalCentreWork = 3,
}

/// <summary>Where the person is in the custody cycle; changed only by movements.</summary>
public enum CustodyStatus
{
    InCustody = 1,

    /// <summary>Out of the facility for a time (leave, work release) and due back; work it is for goes on.</summary>
    TemporarilyReleased = 2,

    Released = 3,
}

/// <summary>Highest completed education level, ISCED 2011 (UNESCO Institute for Statistics).</summary>
public enum IscedLevel
{
    EarlyChildhood = 0,
    Primary = 1,
    LowerSecondary = 2,
    UpperSecondary = 3,
    PostSecondaryNonTertiary = 4,
    ShortCycleTertiary = 5,
    Bachelor = 6,
    Master = 7,
    Doctoral = 8,
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>Skill level held in an occupation.</summary>
public enum Proficiency
{
    Beginner = 1,
    Competent = 2,
    Experienced = 3,
    Expert = 4,
}

/// <summary>What supports a recorded occupation; stronger evidence counts more in matching.</summary>
public enum SkillEvidence
{
    SelfReported = 1,
    WorkHistory = 2,
    Assessed = 3,
    Certificate = 4,
}

public enum MovementKind
{
    Admission = 1,

    /// <summary>One movement with both ends: out of one facility and into another.</summary>
    Transfer = 2,

    TemporaryRelease = 3,
    ReturnFromTemporaryRelease = 4,
    Release = 5,

    /// <summary>The expected release date changed (parole, amnesty, appeal, new sentence).</summary>
    ReleaseRescheduled = 6,
}
