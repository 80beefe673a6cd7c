using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Work;
using Workbridge.Data;

namespace Workbridge.Web.Features.Work;

/// <summary>Hours for one day, in hours with up to two decimals (7.5); 0 is not an entry.</summary>
public sealed record HoursInput(decimal? Hours);

public sealed record DisputeInput(string? Note);

/// <summary>
/// Timesheets: the employer (for its placements) or staff record hours per day; the person confirms or disputes them.
/// Caps count every placement of the person together.
/// </summary>
public sealed class Timesheets(UnitOfWork unitOfWork, WorkReader reader)
{
    private WorkbridgeDb Db => unitOfWork.Db;

    public async Task<IReadOnlyList<TimesheetEntryView>?> ForPlacementAsync(Actor actor, Guid placementId, CancellationToken cancellationToken)
    {
        if (!await reader.VisiblePlacements(actor).AnyAsync(p => p.Id == placementId, cancellationToken))
        {
            return null;
        }

        var entries = await Db.TimesheetEntries.AsNoTracking().Where(e => e.PlacementId == placementId).OrderBy(e => e.Date).ToListAsync(cancellationToken);
        return [.. entries.Select(e => View(e, actor))];
    }

    public async Task<TimesheetEntryView?> RecordAsync(Actor actor, Guid placementId, DateOnly date, HoursInput input, CancellationToken cancellationToken)
    {
        var placement = await reader.VisiblePlacements(actor).FirstOrDefaultAsync(p => p.Id == placementId, cancellationToken);
        if (placement is null)
        {
            return null;
        }

        if (actor.Role is not (Role.CentralStaff or Role.FacilityStaff or Role.Employer))
        {
            throw new RuleViolation("timesheet.role", "Hours are recorded by the employer or staff; the person confirms or disputes them.", "placementId");
        }

        var hours = input.Hours ?? throw Openings.Missing("hours", "hours worked that day, e.g. 7.5");
        if (hours * 60 != decimal.Truncate(hours * 60) || hours <= 0)
        {
            throw new RuleViolation("timesheet.minutes", "Hours must be more than 0, in whole minutes (7.5 or 7.25, not 7.333).", "hours");
        }

        var person = await Db.People.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, cancellationToken);
        var region = await Db.Facilities.AsNoTracking().Where(f => f.Id == person.FacilityId).Join(Db.Regions.AsNoTracking(), f => f.RegionCode, r => r.Code, (f, r) => r).FirstAsync(cancellationToken);
        IOpening opening = placement.Kind == PlacementKind.Work
            ? await Db.JobOrders.AsNoTracking().FirstAsync(o => o.Id == placement.OpeningId, cancellationToken)
            : await Db.Cohorts.AsNoTracking().FirstAsync(c => c.Id == placement.OpeningId, cancellationToken);
        var week = HourCaps.WeekStart(date);
        var weekEnd = week.AddDays(7);
        var entries = await Db.TimesheetEntries.Where(e => e.PersonId == person.Id && e.Date >= week && e.Date < weekEnd).ToListAsync(cancellationToken);
        var minutes = hours <= 24 ? (int)(hours * 60) : throw new RuleViolation("timesheet.minutes", "Hours for a day must be more than 0 and at most 24.", "hours");
        // "Today" in the facility's region: a morning in Vladivostok is still yesterday in UTC.
        var today = DateOnly.FromDateTime(unitOfWork.Now.AddHours(region.UtcOffsetHours));
        var entry = TimesheetEntry.Record(placement, opening, person, region.WorkingTime, date, minutes, entries, actor.Id, today, unitOfWork.Now);
        if (!entries.Contains(entry))
        {
            Db.TimesheetEntries.Add(entry);
        }

        return View(await unitOfWork.RunAsync(actor, _ => Task.FromResult(entry), cancellationToken), actor);
    }

    public Task<TimesheetEntryView?> ConfirmAsync(Actor actor, Guid entryId, CancellationToken cancellationToken) =>
        RespondAsync(actor, entryId, e => e.Confirm(), cancellationToken);

    public Task<TimesheetEntryView?> DisputeAsync(Actor actor, Guid entryId, DisputeInput input, CancellationToken cancellationToken) =>
        RespondAsync(actor, entryId, e => e.Dispute(input.Note ?? ""), cancellationToken);

    private async Task<TimesheetEntryView?> RespondAsync(Actor actor, Guid entryId, Action<TimesheetEntry> respond, CancellationToken cancellationToken)
    {
        // Only the person answers for their own hours: nobody confirms them on the person's behalf.
        var entry = await Db.TimesheetEntries.FirstOrDefaultAsync(e => e.Id == entryId && actor.Role == Role.Person && e.PersonId == actor.PersonId, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        respond(entry);
        return View(await unitOfWork.RunAsync(actor, _ => Task.FromResult(entry), cancellationToken), actor);
    }

    private static TimesheetEntryView View(TimesheetEntry e, Actor actor) =>
        new(e.Id, e.PlacementId, e.Date, e.Minutes / 60m, e.Status, e.DisputeNote, actor.SeesIdentity ? e.EnteredBy : "", e.PayStatementId is not null);

    public static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw new RuleViolation("request.date", $"'{text}' is not a date (YYYY-MM-DD).", "date");
}
