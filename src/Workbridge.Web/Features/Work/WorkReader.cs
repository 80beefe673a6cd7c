using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Pay;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;
using Workbridge.Data;
using Workbridge.Data.People;

namespace Workbridge.Web.Features.Work;

/// <summary>
/// Who sees which work and training records. Central staff and monitors see all; facility staff what concerns their
/// facility; an employer its own orders and their placements; an employment service the open vacancies of its region;
/// a person what is open to them and their own placements. Anything else is answered as not found.
/// </summary>
public sealed class WorkReader(WorkbridgeDb db)
{
    public WorkbridgeDb Db => db;

    /// <summary>The facility that frames what the actor sees: the staff member's, or the person's current one.</summary>
    public async Task<Facility?> HomeFacilityAsync(Actor actor, CancellationToken cancellationToken) => actor.Role switch
    {
        Role.FacilityStaff => await db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == actor.FacilityId, cancellationToken),
        Role.Person => await db.People.AsNoTracking().Where(p => p.Id == actor.PersonId).Join(db.Facilities.AsNoTracking(), p => p.FacilityId, f => f.Id, (p, f) => f).FirstOrDefaultAsync(cancellationToken),
        _ => null,
    };

    public async Task<IReadOnlyList<JobOrder>> VisibleOrdersAsync(Actor actor, CancellationToken cancellationToken, bool tracking = false)
    {
        var orders = tracking ? db.JobOrders : db.JobOrders.AsNoTracking();
        var home = await HomeFacilityAsync(actor, cancellationToken);
        switch (actor.Role)
        {
            case Role.CentralStaff or Role.Monitor:
                return await orders.OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
            case Role.Employer:
                return await orders.Where(o => o.EmployerId == actor.EmployerId).OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
            case Role.FacilityStaff or Role.Person when home is not null:
                var mine = actor.Role == Role.Person
                    ? await db.Placements.AsNoTracking().Where(p => p.PersonId == actor.PersonId && p.Kind == PlacementKind.Work).Select(p => p.OpeningId).ToListAsync(cancellationToken)
                    : [];
                var near = await orders.Where(o => o.FacilityId == home.Id || o.Mode != WorkMode.InFacility || mine.Contains(o.Id)).OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
                return [.. near.Where(o => o.Serves(home) || mine.Contains(o.Id))];
            case Role.EmploymentService when actor.RegionCode is { } region:
                var inRegion = await db.Facilities.AsNoTracking().Where(f => f.RegionCode == region).Select(f => (Guid?)f.Id).ToListAsync(cancellationToken);
                var open = await orders.Where(o => o.Status == OpeningStatus.Open).OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
                return [.. open.Where(o => o.Mode == WorkMode.InFacility ? inRegion.Contains(o.FacilityId) : o.ServedRegions.Count == 0 || o.ServedRegions.Contains(region))];
            default:
                return [];
        }
    }

    /// <summary>One order by id, if the actor may see it: the same rules as <see cref="VisibleOrdersAsync"/>, for one record.</summary>
    public async Task<JobOrder?> FindOrderAsync(Actor actor, Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        var order = await (tracking ? db.JobOrders : db.JobOrders.AsNoTracking()).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var home = await HomeFacilityAsync(actor, cancellationToken);
        var sees = actor.Role switch
        {
            Role.CentralStaff or Role.Monitor => true,
            Role.Employer => order.EmployerId is not null && order.EmployerId == actor.EmployerId,
            Role.FacilityStaff => home is not null && (order.FacilityId == home.Id || (order.Mode != WorkMode.InFacility && order.Serves(home))),
            Role.Person => home is not null && (order.Serves(home) || await db.Placements.AnyAsync(p => p.PersonId == actor.PersonId && p.OpeningId == id, cancellationToken)),
            Role.EmploymentService when actor.RegionCode is { } region => order.Status == OpeningStatus.Open && (order.Mode == WorkMode.InFacility
                ? await db.Facilities.AnyAsync(f => f.Id == order.FacilityId && f.RegionCode == region, cancellationToken)
                : order.ServedRegions.Count == 0 || order.ServedRegions.Contains(region)),
            _ => false,
        };
        return sees ? order : null;
    }

    /// <summary>Who may change an order: central staff; the facility's staff for its own workshop; the employer for its own orders.</summary>
    public static bool CanManage(Actor actor, JobOrder order) => actor.Role switch
    {
        Role.CentralStaff => true,
        Role.FacilityStaff => order.EmployerId is null && order.FacilityId == actor.FacilityId,
        Role.Employer => order.EmployerId is not null && order.EmployerId == actor.EmployerId,
        _ => false,
    };

    public async Task<IReadOnlyList<Cohort>> VisibleCohortsAsync(Actor actor, CancellationToken cancellationToken, bool tracking = false)
    {
        var cohorts = tracking ? db.Cohorts : db.Cohorts.AsNoTracking();
        var home = await HomeFacilityAsync(actor, cancellationToken);
        return actor.Role switch
        {
            Role.CentralStaff or Role.Monitor => await cohorts.OrderBy(c => c.Terms.Start).ToListAsync(cancellationToken),
            Role.FacilityStaff or Role.Person when home is not null => await cohorts.Where(c => c.FacilityId == home.Id).OrderBy(c => c.Terms.Start).ToListAsync(cancellationToken),
            Role.EmploymentService when actor.RegionCode is { } region => await cohorts.Where(c => db.Facilities.Any(f => f.Id == c.FacilityId && f.RegionCode == region)).OrderBy(c => c.Terms.Start).ToListAsync(cancellationToken),
            _ => [],
        };
    }

    public async Task<Cohort?> FindCohortAsync(Actor actor, Guid id, CancellationToken cancellationToken, bool tracking = false)
    {
        var cohort = await (tracking ? db.Cohorts : db.Cohorts.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null)
        {
            return null;
        }

        var home = await HomeFacilityAsync(actor, cancellationToken);
        var sees = actor.Role switch
        {
            Role.CentralStaff or Role.Monitor => true,
            Role.FacilityStaff or Role.Person => home is not null && cohort.FacilityId == home.Id,
            Role.EmploymentService when actor.RegionCode is { } region => await db.Facilities.AnyAsync(f => f.Id == cohort.FacilityId && f.RegionCode == region, cancellationToken),
            _ => false,
        };
        return sees ? cohort : null;
    }

    public async Task<IOpening?> FindOpeningAsync(Actor actor, Guid id, CancellationToken cancellationToken, bool tracking = false) =>
        (IOpening?)await FindOrderAsync(actor, id, cancellationToken, tracking) ?? await FindCohortAsync(actor, id, cancellationToken, tracking);

    public IQueryable<Placement> VisiblePlacements(Actor actor, bool tracking = false)
    {
        var placements = tracking ? db.Placements : db.Placements.AsNoTracking();
        return actor.Role switch
        {
            Role.CentralStaff or Role.Monitor => placements,
            Role.FacilityStaff => placements.Where(p => p.FacilityId == actor.FacilityId),
            Role.Employer => placements.Where(p => p.EmployerId != null && p.EmployerId == actor.EmployerId),
            Role.Person => placements.Where(p => p.PersonId == actor.PersonId),
            _ => placements.Where(p => false),
        };
    }

    public IQueryable<PayStatement> VisibleStatements(Actor actor) => actor.Role switch
    {
        Role.CentralStaff or Role.Monitor => db.PayStatements.AsNoTracking(),
        Role.FacilityStaff => db.PayStatements.AsNoTracking().Where(s => s.FacilityId == actor.FacilityId),
        Role.Person => db.PayStatements.AsNoTracking().Where(s => s.PersonId == actor.PersonId),
        _ => db.PayStatements.AsNoTracking().Where(s => false),
    };

    /// <summary>Names for people: the full name for the staff of their facility (and central staff) and for the person; the pseudonym otherwise.</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(Actor actor, IEnumerable<Guid> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        var names = ids.ToDictionary(id => id, PeopleQueries.Pseudonym);
        if (actor.SeesIdentity)
        {
            var visible = await db.People.AsNoTracking().VisibleTo(actor).Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Identity }).ToListAsync(cancellationToken);
            foreach (var person in visible)
            {
                names[person.Id] = person.Identity.FullName;
            }
        }

        return names;
    }

    public async Task<IReadOnlyList<OrderView>> OrderViewsAsync(IReadOnlyList<JobOrder> orders, CancellationToken cancellationToken)
    {
        var ids = orders.Select(o => o.Id).ToList();
        var counts = await db.Placements.AsNoTracking().Where(p => ids.Contains(p.OpeningId) && p.Status != PlacementStatus.Ended && p.Status != PlacementStatus.Proposed)
            .GroupBy(p => new { p.OpeningId, Active = p.Status == PlacementStatus.Active }).Select(g => new { g.Key.OpeningId, g.Key.Active, Count = g.Count() }).ToListAsync(cancellationToken);
        var employerIds = orders.Select(o => o.EmployerId).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.LegalName, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        var codes = orders.Select(o => o.IscoCode).Distinct().ToList();
        var titles = await db.IscoGroups.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, cancellationToken);
        return [.. orders.Select(o => new OrderView(
            o.Id,
            o.EmployerId is { } e ? employers[e] : $"Workshop {facilities[o.FacilityId!.Value]}",
            o.EmployerId,
            o.IsPrivateEmployer,
            o.FacilityId,
            o.FacilityId is { } f ? facilities[f] : null,
            o.Mode,
            o.ServedRegions,
            o.IscoCode,
            titles.GetValueOrDefault(o.IscoCode)?.TitleEn ?? o.IscoCode,
            titles.GetValueOrDefault(o.IscoCode)?.TitleRu ?? o.IscoCode,
            o.Terms,
            o.Terms.Hash,
            o.Seats,
            counts.Where(c => c.OpeningId == o.Id && c.Active).Sum(c => c.Count),
            counts.Where(c => c.OpeningId == o.Id && !c.Active).Sum(c => c.Count),
            o.AccessNeeds,
            o.Hazardous,
            o.Supervision,
            o.ProductionContractId,
            o.Status,
            o.Version))];
    }

    public async Task<IReadOnlyList<CohortView>> CohortViewsAsync(IReadOnlyList<Cohort> cohorts, CancellationToken cancellationToken)
    {
        var ids = cohorts.Select(c => c.Id).ToList();
        var counts = await db.Placements.AsNoTracking().Where(p => ids.Contains(p.OpeningId) && p.Status != PlacementStatus.Ended && p.Status != PlacementStatus.Proposed)
            .GroupBy(p => new { p.OpeningId, Active = p.Status == PlacementStatus.Active }).Select(g => new { g.Key.OpeningId, g.Key.Active, Count = g.Count() }).ToListAsync(cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        return [.. cohorts.Select(c => new CohortView(c.Id, c.CourseId, c.Terms.Title, c.IscoCode, c.FacilityId, facilities[c.FacilityId], c.Seats,
            counts.Where(x => x.OpeningId == c.Id && x.Active).Sum(x => x.Count), counts.Where(x => x.OpeningId == c.Id && !x.Active).Sum(x => x.Count), c.Terms, c.Status))];
    }

    public async Task<IReadOnlyList<PlacementView>> PlacementViewsAsync(Actor actor, IReadOnlyList<Placement> placements, CancellationToken cancellationToken)
    {
        var openingIds = placements.Select(p => p.OpeningId).Distinct().ToList();
        var orders = await db.JobOrders.AsNoTracking().Where(o => openingIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => openingIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var employerIds = placements.Select(p => p.EmployerId).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.LegalName, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        var placementIds = placements.Select(p => p.Id).ToList();
        var consents = (await db.Consents.AsNoTracking().Where(c => placementIds.Contains(c.PlacementId)).ToListAsync(cancellationToken)).ToLookup(c => c.PlacementId);
        var names = await NamesAsync(actor, placements.Select(p => p.PersonId), cancellationToken);
        return [.. placements.Select(p =>
        {
            IOpening opening = p.Kind == PlacementKind.Work ? orders[p.OpeningId] : cohorts[p.OpeningId];
            var offeror = opening.EmployerId is { } e ? employers[e] : p.Kind == PlacementKind.Work ? $"Workshop {facilities[orders[p.OpeningId].FacilityId!.Value]}" : $"Training, {facilities[cohorts[p.OpeningId].FacilityId]}";
            return new PlacementView(p.Id, p.Kind, p.PersonId, names[p.PersonId], p.OpeningId, opening.Terms.Title, offeror, p.EmployerId, p.FacilityId, facilities[p.FacilityId], p.Status, p.EndReason,
                actor.SeesIdentity ? p.EndNote : null, p.HasConsentTo(opening.Terms), p.CreatedAt, p.AppliedAt, p.AcceptedAt, p.ActivatedAt, p.EndedAt, p.SuspendedAt,
                [.. consents[p.Id].OrderBy(c => c.GivenAt).Select(c => new ConsentView(c.Id, c.TermsHash, Shown(actor, ConsentSnapshot.FromJson(c.Snapshot)), c.Channel, actor.SeesIdentity ? c.RecordedBy : "", c.WrittenReference, c.GivenAt, c.WithdrawnAt))],
                p.Version);
        })];
    }

    // A person's court orders (maintenance, victims' claims) can name their family or victims: only the person and
    // the staff who hold the file see them in the consent snapshot.
    private static ConsentSnapshot? Shown(Actor actor, ConsentSnapshot? snapshot) =>
        snapshot is null || actor.SeesIdentity ? snapshot : snapshot with { Deductions = [] };

    public async Task<IReadOnlyList<PayStatementView>> StatementViewsAsync(Actor actor, IReadOnlyList<PayStatement> statements, CancellationToken cancellationToken)
    {
        var names = await NamesAsync(actor, statements.Select(s => s.PersonId), cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, cancellationToken);
        return [.. statements.Select(s => new PayStatementView(s.Id, s.PersonId, names[s.PersonId], facilities[s.FacilityId], s.Year, s.Month, s.Lines, s.GrossMinor, s.DeductionsMinor, s.NetMinor, s.GuaranteedMinor, s.GuaranteedPermille, s.DisputedEntries, s.IssuedAt))];
    }
}
