using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Pay;
using Workbridge.Core.Work;
using Workbridge.Data;

namespace Workbridge.Web.Features.Work;

public sealed record PayRunInput(Guid? FacilityId, int? Year, int? Month);

public sealed record PayRunResult(Guid FacilityId, int Year, int Month, int Issued, int AlreadyIssued, long GrossMinor, long NetMinor, int TopUps);

public sealed record DeductionInput(DeductionKind? Kind, int? Permille, long? MonthlyMinor, long? OutstandingMinor, string? Reference, DateOnly? From, DateOnly? To);

/// <summary>
/// Monthly pay for a facility: one statement per person who has unpaid hours in the month, computed by
/// <see cref="PayCalculator"/>, issued once. Also the standing deductions and a CSV for accounting.
/// </summary>
public sealed class PayRuns(UnitOfWork unitOfWork, WorkReader reader)
{
    private WorkbridgeDb Db => unitOfWork.Db;

    public async Task<PayRunResult> RunAsync(Actor actor, PayRunInput input, CancellationToken cancellationToken)
    {
        var facilityId = actor.Role == Role.FacilityStaff ? actor.FacilityId!.Value : input.FacilityId ?? throw Openings.Missing("facilityId", "the facility to pay");
        if (actor.Role == Role.FacilityStaff && input.FacilityId is { } asked && asked != actor.FacilityId)
        {
            throw new RuleViolation("pay.facility", "Facility staff run pay for their own facility.", "facilityId");
        }

        var year = input.Year ?? throw Openings.Missing("year", "the year");
        var month = input.Month is >= 1 and <= 12 ? input.Month.Value : throw new RuleViolation("pay.month", "month is 1 to 12.", "month");
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        if (next > DateOnly.FromDateTime(unitOfWork.Now))
        {
            throw new RuleViolation("pay.month-open", $"{first:yyyy-MM} is not over yet; pay is run for a finished month.", "month");
        }

        var facility = await Db.Facilities.AsNoTracking().FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken) ?? throw new RuleViolation("pay.facility", "There is no facility with that id.", "facilityId");
        var regions = await Db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, cancellationToken);
        var placements = await Db.Placements.AsNoTracking().Where(p => p.FacilityId == facilityId && p.Kind == PlacementKind.Work).ToDictionaryAsync(p => p.Id, cancellationToken);
        var placementIds = placements.Keys.ToList();
        // Every unpaid day up to the month's end: days of earlier months recorded late are paid now, never dropped.
        var entries = await Db.TimesheetEntries.Where(e => placementIds.Contains(e.PlacementId) && e.Date < next && e.PayStatementId == null).ToListAsync(cancellationToken);
        var people = entries.Select(e => e.PersonId).Distinct().ToList();
        // One statement per person, month and facility: someone transferred during the month is paid by each facility for its days.
        var issued = await Db.PayStatements.AsNoTracking().Where(s => people.Contains(s.PersonId) && s.Year == year && s.Month == month && s.FacilityId == facilityId).Select(s => s.PersonId).ToListAsync(cancellationToken);
        var orderIds = placements.Values.Select(p => p.OpeningId).Distinct().ToList();
        var orders = await Db.JobOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var deductions = (await Db.DeductionOrders.Where(d => people.Contains(d.PersonId)).ToListAsync(cancellationToken)).ToLookup(d => d.PersonId);
        var protections = (await Db.PayProtections.AsNoTracking().Where(p => people.Contains(p.PersonId)).Select(p => p.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        var persons = await Db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        var statements = new List<PayStatement>();
        var topUps = 0;
        foreach (var personId in people.Except(issued))
        {
            var person = persons[personId];
            var mine = entries.Where(e => e.PersonId == personId).ToList();
            // Each day at the rate the person agreed for it, grouped by the month it was worked in.
            var earnings = mine.GroupBy(e => (e.PlacementId, e.Date.Year, e.Date.Month, e.RateMinor))
                .Select(g => new Earning(g.Key.PlacementId, orders[placements[g.Key.PlacementId].OpeningId].Terms.Title, g.Key.Year, g.Key.Month, g.Sum(e => (long)e.Minutes), g.Key.RateMinor, facility.RegionCode)).ToList();
            var calculation = PayCalculator.Compute(year, month, earnings, regions, deductions[personId], PayCalculator.IsProtected(person.Identity.AgeOn(next.AddDays(-1)), person.Identity.Sex, protections.Contains(personId)));
            topUps += calculation.Lines.Count(l => l.Kind == PayLineKind.MinimumTopUp);
            statements.Add(PayStatement.Issue(personId, facilityId, year, month, calculation, mine, deductions[personId], actor.Id, unitOfWork.Now));
        }

        await unitOfWork.RunAsync(actor, db =>
        {
            db.PayStatements.AddRange(statements);
            return Task.FromResult(0);
        }, cancellationToken);
        return new PayRunResult(facilityId, year, month, statements.Count, issued.Count, statements.Sum(s => s.GrossMinor), statements.Sum(s => s.NetMinor), topUps);
    }

    public async Task<IReadOnlyList<PayStatementView>> ListAsync(Actor actor, Guid? facilityId, int? year, int? month, CancellationToken cancellationToken)
    {
        var query = reader.VisibleStatements(actor);
        query = facilityId is { } f ? query.Where(s => s.FacilityId == f) : query;
        query = year is { } y ? query.Where(s => s.Year == y) : query;
        query = month is { } m ? query.Where(s => s.Month == m) : query;
        var statements = await query.OrderByDescending(s => s.Year).ThenByDescending(s => s.Month).ThenBy(s => s.PersonId).Take(5000).ToListAsync(cancellationToken);
        return await reader.StatementViewsAsync(actor, statements, cancellationToken);
    }

    public async Task<PayStatementView?> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        var statement = await reader.VisibleStatements(actor).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return statement is null ? null : (await reader.StatementViewsAsync(actor, [statement], cancellationToken))[0];
    }

    /// <summary>One row per statement line, amounts in roubles with two decimals, for an accounting system.</summary>
    public static string Csv(IEnumerable<PayStatementView> statements)
    {
        var csv = new StringBuilder("statement_id,person,facility,year,month,line,kind,description,hours,rate,amount,gross,deductions,net,guaranteed\n");
        foreach (var s in statements)
        {
            foreach (var line in s.Lines)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{s.Id},{Data.Csv.CsvText.Cell(s.PersonName)},{s.FacilityCode},{s.Year},{s.Month},{line.Order},{EnumText.Kebab(line.Kind)},{Data.Csv.CsvText.Cell(line.Description)},{(line.Minutes is { } m ? (m / 60m).ToString("0.##", CultureInfo.InvariantCulture) : "")},{Money(line.RateMinor)},{Money(line.AmountMinor)},{Money(s.GrossMinor)},{Money(s.DeductionsMinor)},{Money(s.NetMinor)},{Money(s.GuaranteedMinor)}\n");
            }
        }

        return csv.ToString();
    }

    public async Task<IReadOnlyList<DeductionOrder>?> DeductionsAsync(Actor actor, Guid personId, CancellationToken cancellationToken) =>
        await Data.People.PeopleQueries.FindAsync(Db, actor, personId, cancellationToken) is null ? null
        : await Db.DeductionOrders.AsNoTracking().Where(d => d.PersonId == personId).OrderBy(d => d.Kind).ThenBy(d => d.CreatedAt).ToListAsync(cancellationToken);

    public async Task<DeductionOrder?> AddDeductionAsync(Actor actor, Guid personId, DeductionInput input, CancellationToken cancellationToken)
    {
        if (await Data.People.PeopleQueries.FindAsync(Db, actor, personId, cancellationToken) is null)
        {
            return null;
        }

        var order = new DeductionOrder(personId, input.Kind ?? throw Openings.Missing("kind", "state-share, maintenance, victim-claim, other-writ or upkeep"), input.Permille, input.MonthlyMinor, input.OutstandingMinor, input.Reference ?? "", input.From ?? throw Openings.Missing("from", "a date (YYYY-MM-DD)"), input.To, unitOfWork.Now);
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.DeductionOrders.Add(order);
            return Task.FromResult(order);
        }, cancellationToken);
    }

    public static string Money(long? minor) => minor is { } m ? (m / 100m).ToString("0.00", CultureInfo.InvariantCulture) : "";
}
