using Workbridge.Core.Reference;

namespace Workbridge.Core.Registry;

/// <summary>
/// Restricted identity fields: shown only to roles that need them, never written to the ledger, never sent in events.
/// </summary>
public sealed record PersonIdentity(string Surname, string GivenName, string? Patronymic, DateOnly BirthDate, Sex Sex)
{
    /// <summary>What retention writes in place of names.</summary>
    public const string RemovedMark = "—";

    public string FullName => Patronymic is null ? $"{Surname} {GivenName}" : $"{Surname} {GivenName} {Patronymic}";

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }
}

/// <summary>The sentence being served; dates are calendar dates in the facility's region.</summary>
public sealed record Sentence(SentenceKind Kind, DateOnly? Start, DateOnly? End, DateOnly? ExpectedRelease)
{
    public static Sentence None { get; } = new(SentenceKind.None, null, null, null);
}

/// <summary>An offence a person is charged with or convicted of, as a legal reference with the catalogue's categories.</summary>
public sealed record PersonOffence(string Code, string Article, string? Part, string? Point, OffenceCategory Categories)
{
    public LegalReference Reference => new(Code, Article, Part, Point);
}

/// <summary>An ISCO-08 unit group the person works in, how well, and what shows it.</summary>
public sealed record PersonOccupation(string IscoCode, Proficiency Proficiency, SkillEvidence Evidence);
