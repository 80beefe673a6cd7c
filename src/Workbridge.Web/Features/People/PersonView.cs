using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.People;

namespace Workbridge.Web.Features.People;

public sealed record FacilityRef(Guid Id, string Code, string Name, string RegionCode);

public sealed record OffenceView(string Reference, string Code, string Article, string? Part, string? Point, string TitleEn, string TitleRu, string Categories);

public sealed record OccupationView(string IscoCode, string TitleEn, string TitleRu, Proficiency Proficiency, SkillEvidence Evidence);

public sealed record MovementView(Guid Id, int Sequence, MovementKind Kind, DateTime OccurredAt, DateTime RecordedAt, FacilityRef? From, FacilityRef? To, DateOnly? Date, DateOnly? PreviousDate, string Reason, string ActorId);

/// <summary>
/// Everything the person page and GET /api/v1/people/{id} show about one person. For actors who may not see identity
/// (monitors), <see cref="Identity"/> is null, the reference number is the pseudonym and offences are left out.
/// </summary>
public sealed record PersonView(
    Guid Id,
    string ReferenceNumber,
    PersonIdentity? Identity,
    int Age,
    LegalStatus LegalStatus,
    Sentence Sentence,
    IscedLevel Education,
    IReadOnlyList<OffenceView> Offences,
    IReadOnlyList<OccupationView> Occupations,
    IReadOnlyList<string> Languages,
    bool WantsWork,
    bool WantsTraining,
    FacilityRef Facility,
    CustodyStatus Status,
    int MovementCount,
    int Version,
    IReadOnlyList<MovementKind> PossibleMovements)
{
    /// <summary>The full name, or the pseudonym for those who may not see it.</summary>
    public string Name => Identity?.FullName ?? ReferenceNumber;
}

public sealed class PersonReader(WorkbridgeDb db, TimeProvider clock)
{
    public async Task<PersonView?> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == person.FacilityId, cancellationToken);
        var articles = person.Offences.Select(o => o.Article).ToList();
        var catalogue = await db.Offences.AsNoTracking().Where(o => articles.Contains(o.Article)).ToListAsync(cancellationToken);
        var codes = person.Occupations.Select(o => o.IscoCode).ToList();
        var titles = await db.IscoGroups.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, cancellationToken);
        var view = new PersonView(
            person.Id,
            person.ReferenceNumber,
            person.Identity,
            person.Identity.AgeOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
            person.LegalStatus,
            person.Sentence,
            person.Education,
            [.. person.Offences.Select(o =>
            {
                var entry = catalogue.FirstOrDefault(c => c.Code == o.Code && c.Article == o.Article);
                return new OffenceView(o.Reference.ToString(), o.Code, o.Article, o.Part, o.Point, entry?.TitleEn ?? "", entry?.TitleRu ?? "", OffenceCategories.Format(o.Categories));
            }).OrderBy(o => o.Article, StringComparer.Ordinal)],
            [.. person.Occupations.Select(o => new OccupationView(o.IscoCode, titles.GetValueOrDefault(o.IscoCode)?.TitleEn ?? "", titles.GetValueOrDefault(o.IscoCode)?.TitleRu ?? "", o.Proficiency, o.Evidence)).OrderBy(o => o.IscoCode, StringComparer.Ordinal)],
            person.Languages,
            person.WantsWork,
            person.WantsTraining,
            new FacilityRef(facility.Id, facility.Code, facility.Name, facility.RegionCode),
            person.Status,
            person.MovementCount,
            person.Version,
            person.PossibleMovements);
        return actor.SeesIdentity ? view : view with { ReferenceNumber = PeopleQueries.Pseudonym(person.Id), Identity = null, Offences = [], Version = 0 };
    }

    public async Task<IReadOnlyList<MovementView>?> MovementsAsync(Actor actor, Guid personId, CancellationToken cancellationToken)
    {
        var movements = await PeopleQueries.MovementsAsync(db, actor, personId, cancellationToken);
        if (movements is null)
        {
            return null;
        }

        return await ViewsAsync(actor, movements, cancellationToken);
    }

    /// <summary>Movements as shown; reasons (free text that may name people) only to those who see identity.</summary>
    public async Task<IReadOnlyList<MovementView>> ViewsAsync(Actor actor, IReadOnlyList<Movement> movements, CancellationToken cancellationToken)
    {
        var ids = movements.SelectMany(m => new[] { m.FromFacilityId, m.ToFacilityId }).OfType<Guid>().Distinct().ToList();
        var facilities = await db.Facilities.AsNoTracking().Where(f => ids.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => new FacilityRef(f.Id, f.Code, f.Name, f.RegionCode), cancellationToken);
        return [.. movements.Select(m => new MovementView(
            m.Id, m.Sequence, m.Kind, m.OccurredAt, m.RecordedAt,
            m.FromFacilityId is { } from ? facilities[from] : null,
            m.ToFacilityId is { } to ? facilities[to] : null,
            m.Date, m.PreviousDate, actor.SeesIdentity ? m.Reason : "", m.ActorId))];
    }
}
