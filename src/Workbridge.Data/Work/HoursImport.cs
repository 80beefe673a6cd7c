using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Work;
using Workbridge.Data.Csv;
using Workbridge.Data.Reference;

namespace Workbridge.Data.Work;

/// <summary>
/// Hours from a file, as an employer's or workshop's own time system writes them: placement_id, date (YYYY-MM-DD),
/// hours (7.5). The whole file is checked against the same rules as hours entered one by one (caps across all of the
/// person's placements, dates, consent); at the first bad line nothing is stored and the error names the line and field.
/// </summary>
public static class HoursImport
{
    public sealed record Result(int Recorded, int Corrected);

    public static async Task<Result> ImportAsync(WorkbridgeDb db, TextReader reader, string source, Guid? employerId, string enteredBy, DateTime now, CancellationToken cancellationToken)
    {
        var rows = CsvRows.Read(reader, source, "placement_id", "date", "hours").ToList();
        var placements = new Dictionary<Guid, (Placement Placement, IOpening Opening, Person Person, WorkingTimeRules Rules, DateOnly Today)>();
        var entries = new Dictionary<Guid, List<TimesheetEntry>>();
        var (recorded, corrected) = (0, 0);
        foreach (var row in rows)
        {
            var id = row.Parse("placement_id", t => Guid.TryParse(t, out var g) ? g : (Guid?)null, "a placement id");
            var date = row.Parse("date", ReferenceData.ParseDate, "a date (YYYY-MM-DD)");
            var hours = row.Parse("hours", ReferenceData.ParseDecimal, "a number of hours such as 7.5");
            if (hours <= 0 || hours > 24 || hours * 60 != decimal.Truncate(hours * 60))
            {
                throw row.Error("hours", $"'{hours}' is not a number of hours for a day in whole minutes, above 0 and at most 24 (7.5 or 7.25)");
            }

            if (!placements.TryGetValue(id, out var target))
            {
                var placement = await db.Placements.FirstOrDefaultAsync(p => p.Id == id && (employerId == null || p.EmployerId == employerId), cancellationToken)
                    ?? throw row.Error("placement_id", employerId is null ? "there is no placement with that id" : "there is no placement with that id for this employer");
                IOpening opening = placement.Kind == PlacementKind.Work
                    ? await db.JobOrders.AsNoTracking().FirstAsync(o => o.Id == placement.OpeningId, cancellationToken)
                    : await db.Cohorts.AsNoTracking().FirstAsync(c => c.Id == placement.OpeningId, cancellationToken);
                var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, cancellationToken);
                var region = await db.Facilities.AsNoTracking().Where(f => f.Id == person.FacilityId).Join(db.Regions.AsNoTracking(), f => f.RegionCode, r => r.Code, (f, r) => r).FirstAsync(cancellationToken);
                target = placements[id] = (placement, opening, person, region.WorkingTime, DateOnly.FromDateTime(now.AddHours(region.UtcOffsetHours)));
            }

            if (!entries.TryGetValue(target.Person.Id, out var mine))
            {
                mine = entries[target.Person.Id] = await db.TimesheetEntries.Where(e => e.PersonId == target.Person.Id).ToListAsync(cancellationToken);
            }

            try
            {
                var existed = mine.Any(e => e.PlacementId == id && e.Date == date);
                var entry = TimesheetEntry.Record(target.Placement, target.Opening, target.Person, target.Rules, date, (int)(hours * 60), mine, enteredBy, target.Today, now);
                if (!existed)
                {
                    mine.Add(entry);
                    db.TimesheetEntries.Add(entry);
                    recorded++;
                }
                else
                {
                    corrected++;
                }
            }
            catch (RuleViolation violation)
            {
                throw row.Error(violation.Field == "date" ? "date" : "hours", violation.Message);
            }
        }

        return new Result(recorded, corrected);
    }
}
