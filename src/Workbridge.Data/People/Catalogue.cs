using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;

namespace Workbridge.Data.People;

/// <summary>
/// The reference lookups a person's record is checked against: the offence catalogue and ISCO-08's unit groups.
/// An article or code outside them is refused, never stored as free text.
/// </summary>
public sealed class Catalogue
{
    private readonly Dictionary<(string Code, string Article), OffenceCategory> _offences;
    private readonly HashSet<string> _units;

    private Catalogue(Dictionary<(string, string), OffenceCategory> offences, HashSet<string> units)
    {
        _offences = offences;
        _units = units;
    }

    public static async Task<Catalogue> LoadAsync(WorkbridgeDb db, CancellationToken cancellationToken) => new(
        await db.Offences.AsNoTracking().ToDictionaryAsync(o => (o.Code, o.Article), o => o.Categories, cancellationToken),
        (await db.IscoGroups.AsNoTracking().Where(g => g.Code.Length == 4).Select(g => g.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal));

    /// <summary>Parses a legal reference (RU-UK 158 ч.2 п.«а») and attaches its article's categories.</summary>
    public PersonOffence Offence(string text)
    {
        if (!LegalReference.TryParse(text, out var reference, out var error))
        {
            throw new RuleViolation("person.offence", error!, "offences");
        }

        if (!_offences.TryGetValue((reference!.Code, reference.Article), out var categories))
        {
            throw new RuleViolation("person.offence", $"article {reference.Article} of {reference.Code} is not in the offence catalogue", "offences");
        }

        return new PersonOffence(reference.Code, reference.Article, reference.Part, reference.Point, categories);
    }

    public PersonOccupation Occupation(string iscoCode, Proficiency proficiency, SkillEvidence evidence) =>
        _units.Contains(iscoCode)
            ? new PersonOccupation(iscoCode, proficiency, evidence)
            : throw new RuleViolation("person.occupation", $"'{iscoCode}' is not an ISCO-08 unit group", "occupations");
}
