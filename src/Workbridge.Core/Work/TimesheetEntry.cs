using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;

namespace Workbridge.Core.Work;

/// <summary>Whether the person has agreed with the hours recorded for them.</summary>
public enum TimesheetStatus
{
    Recorded = 1,
    Confirmed = 2,
    Disputed = 3,
}

/// <summary>
/// Minutes worked on one day on one placement, entered by the employer or staff and confirmed or disputed by the person.
/// Never over the daily or weekly cap for the person's age, counting all their placements; fixed once a pay statement
/// covers it.
/// </summary>
public sealed class TimesheetEntry
{
    private TimesheetEntry()
    {
        EnteredBy = "";
    }

    public Guid Id { get; private set; }

    public Guid PlacementId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly Date { get; private set; }

    public int Minutes { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTime EnteredAt { get; private set; }

    public TimesheetStatus Status { get; private set; }

    /// <summary>What the person says is wrong, when they dispute the entry.</summary>
    public string? DisputeNote { get; private set; }

    /// <summary>The pay statement that paid these hours; once set, the entry cannot change.</summary>
    public Guid? PayStatementId { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// Records <paramref name="minutes"/> on <paramref name="date"/>, or corrects the placement's entry already
    /// there. <paramref name="personEntries"/> are the person's entries in that week on every
    /// placement; the caps count them all.
    /// </summary>
    public static TimesheetEntry Record(Placement placement, IOpening opening, Person person, WorkingTimeRules rules, DateOnly date, int minutes, IEnumerable<TimesheetEntry> personEntries, string enteredBy, DateTime now)
    {
        placement.RequireWorking(opening);
        var today = DateOnly.FromDateTime(now);
        if (date > today)
        {
            throw new RuleViolation("timesheet.future", "Hours are recorded after they are worked, not before.", "date");
        }

        if (placement.ActivatedAt is { } activated && date < DateOnly.FromDateTime(activated))
        {
            throw new RuleViolation("timesheet.before-start", $"The placement became active on {DateOnly.FromDateTime(activated):yyyy-MM-dd}; hours before that cannot be recorded on it.", "date");
        }

        if (date < opening.Terms.Start || (opening.Terms.End is { } end && date > end))
        {
            throw new RuleViolation("timesheet.outside-terms", "The date is outside the dates the person agreed to.", "date");
        }

        var week = HourCaps.WeekStart(date);
        var entries = personEntries.Where(e => e.PersonId == person.Id && HourCaps.WeekStart(e.Date) == week).ToList();
        var existing = entries.FirstOrDefault(e => e.PlacementId == placement.Id && e.Date == date);
        if (existing?.PayStatementId is not null)
        {
            throw new RuleViolation("timesheet.paid", $"The hours of {date:yyyy-MM-dd} are on an issued pay statement and can no longer change.", "date");
        }

        var others = entries.Where(e => !ReferenceEquals(e, existing)).ToList();
        var age = person.Identity.AgeOn(date);
        HourCaps.For(rules, age).Check(date, minutes, others.Where(e => e.Date == date).Sum(e => e.Minutes), others.Sum(e => e.Minutes), age);

        var entry = existing ?? new TimesheetEntry { Id = Ids.New(), PlacementId = placement.Id, PersonId = person.Id, Date = date };
        entry.Minutes = minutes;
        entry.EnteredBy = enteredBy;
        entry.EnteredAt = now;
        entry.Status = TimesheetStatus.Recorded;
        entry.DisputeNote = null;
        entry.Version++;
        return entry;
    }

    /// <summary>The person agrees the hours are right.</summary>
    public void Confirm()
    {
        RequireOpen();
        Status = TimesheetStatus.Confirmed;
        DisputeNote = null;
        Version++;
    }

    /// <summary>The person says the hours are wrong, and why; staff see it, monitors count it. Pay is never held back for it.</summary>
    public void Dispute(string note)
    {
        RequireOpen();
        var text = note?.Trim() ?? "";
        DisputeNote = text.Length is >= 3 and <= 500 ? text : throw new RuleViolation("timesheet.dispute-note", "Say what is wrong in 3 to 500 characters.", "note");
        Status = TimesheetStatus.Disputed;
        Version++;
    }

    internal void MarkPaid(Guid statementId)
    {
        PayStatementId = statementId;
        Version++;
    }

    private void RequireOpen()
    {
        if (PayStatementId is not null)
        {
            throw new RuleViolation("timesheet.paid", "These hours are on an issued pay statement.", "entryId");
        }
    }
}
