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

    /// <summary>The consent the day was worked under, and the hourly rate it agreed: what the day is paid at.</summary>
    public Guid ConsentId { get; private set; }

    public long RateMinor { get; private set; }

    /// <summary>The pay statement that paid these hours; once set, the entry cannot change.</summary>
    public Guid? PayStatementId { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// Records <paramref name="minutes"/> on <paramref name="date"/>, or corrects the placement's entry already there.
    /// The day must be covered by a span of active, consented work (<see cref="Placement.PeriodCovering"/>), which may
    /// lie in the past of an ended or suspended placement, so no day worked goes unrecorded. <paramref name="personEntries"/>
    /// are the person's entries in that week on every placement; the caps count them all. <paramref name="today"/> is
    /// the date in the facility's region.
    /// </summary>
    public static TimesheetEntry Record(Placement placement, IOpening opening, Person person, WorkingTimeRules rules, DateOnly date, int minutes, IEnumerable<TimesheetEntry> personEntries, string enteredBy, DateOnly today, DateTime now)
    {
        if (date > today)
        {
            throw new RuleViolation("timesheet.future", "Hours are recorded after they are worked, not before.", "date");
        }

        if (date < opening.Terms.Start || (opening.Terms.End is { } end && date > end))
        {
            throw new RuleViolation("timesheet.outside-terms", "The date is outside the dates the person agreed to.", "date");
        }

        if (person.LegalStatus == LegalStatus.PreTrial && opening.IsPrivateEmployer)
        {
            throw new RuleViolation("safeguard.pre-trial-private", "A pre-trial detainee may not work for a private employer.", "placementId");
        }

        var period = placement.PeriodCovering(date);
        var week = HourCaps.WeekStart(date);
        var entries = personEntries.Where(e => e.PersonId == person.Id && HourCaps.WeekStart(e.Date) == week).ToList();
        var existing = entries.FirstOrDefault(e => e.PlacementId == placement.Id && e.Date == date);
        if (existing?.PayStatementId is not null)
        {
            throw new RuleViolation("timesheet.paid", $"The hours of {date:yyyy-MM-dd} are on an issued pay statement and can no longer change.", "date");
        }

        // Lowering a day never needs the caps: it can only bring a week back under them (a birthday week can hold
        // days recorded under the adult cap that the juvenile one would refuse).
        if (existing is null || minutes > existing.Minutes)
        {
            var others = entries.Where(e => !ReferenceEquals(e, existing)).ToList();
            var age = person.Identity.AgeOn(date);
            HourCaps.For(rules, age).Check(date, minutes, others.Where(e => e.Date == date).Sum(e => e.Minutes), others.Sum(e => e.Minutes), age);
        }
        else if (minutes <= 0)
        {
            throw new RuleViolation("timesheet.minutes", "Hours for a day must be more than 0 and at most 24.", "hours");
        }

        var entry = existing ?? new TimesheetEntry { Id = Ids.New(), PlacementId = placement.Id, PersonId = person.Id, Date = date };
        entry.Minutes = minutes;
        entry.ConsentId = period.ConsentId;
        entry.RateMinor = period.HourlyRateMinor;
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
