namespace Workbridge.Core.Registry;

/// <summary>
/// Everything staff record about a person apart from where they are held: that changes only through movements.
/// </summary>
public sealed record PersonDetails(
    string ReferenceNumber,
    PersonIdentity Identity,
    LegalStatus LegalStatus,
    Sentence Sentence,
    IscedLevel Education,
    IReadOnlyList<PersonOffence> Offences,
    IReadOnlyList<PersonOccupation> Occupations,
    IReadOnlyList<string> Languages,
    bool WantsWork,
    bool WantsTraining);
