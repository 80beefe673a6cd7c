using Workbridge.Core.Common;
using Workbridge.Core.Registry;

namespace Workbridge.Core.Work;

/// <summary>
/// A person on a job order (work) or in a training cohort (an enrolment): proposed → applied → accepted → active →
/// ended. It is active only with a consent whose terms hash equals the opening's current terms: activation checks
/// it, a change of terms suspends an active placement until the person consents again, and hours cannot be recorded
/// without it. The person may withdraw at any step; withdrawal touches nothing but this placement.
/// </summary>
public sealed class Placement
{
    private List<WorkPeriod> _periods = [];

    private Placement()
    {
        ProposedBy = "";
    }

    private Placement(Person person, IOpening opening, string actorId, DateTime now)
    {
        Id = Ids.New();
        Kind = opening.Kind;
        PersonId = person.Id;
        OpeningId = opening.Id;
        EmployerId = opening.EmployerId;
        FacilityId = person.FacilityId;
        ProposedBy = actorId;
        CreatedAt = now;
        Status = PlacementStatus.Proposed;
    }

    public Guid Id { get; private set; }

    public PlacementKind Kind { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The job order (for work) or the cohort (for training).</summary>
    public Guid OpeningId { get; private set; }

    /// <summary>The employer of the order, copied so an employer's view needs no join; null for workshops and training.</summary>
    public Guid? EmployerId { get; private set; }

    /// <summary>The person's facility when the placement was made; kept in step by transfers, which end the placement.</summary>
    public Guid FacilityId { get; private set; }

    public PlacementStatus Status { get; private set; }

    public EndReason? EndReason { get; private set; }

    public string? EndNote { get; private set; }

    /// <summary>Who created it: a staff account or matching run for a proposal, the person for a self-service application.</summary>
    public string ProposedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? AppliedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? ActivatedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>The consent in force, if any: its id and the hash of the terms it covers.</summary>
    public Guid? ConsentId { get; private set; }

    public string? ConsentTermsHash { get; private set; }

    /// <summary>Set when a change of terms took an active placement back to accepted; cleared by a new consent.</summary>
    public DateTime? SuspendedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// The spans during which the placement was active, each under one consent and its hourly rate. Hours can be
    /// recorded only for days a span covers, and are paid at that span's rate, even after the placement ends.
    /// </summary>
    public IReadOnlyList<WorkPeriod> Periods => _periods;

    public bool IsOpen => Status != PlacementStatus.Ended;

    /// <summary>Whether the consent on record covers exactly <paramref name="terms"/>.</summary>
    public bool HasConsentTo(Terms terms) => ConsentTermsHash is { } hash && hash == terms.Hash;

    /// <summary>Staff or matching suggest the opening; nothing is agreed until the person applies.</summary>
    public static Placement Propose(Person person, IOpening opening, string actorId, DateTime now)
    {
        RequireOpenFor(person, opening);
        return new Placement(person, opening, actorId, now);
    }

    /// <summary>The person applies (or staff record their written application): a new placement with their consent.</summary>
    public static (Placement Placement, Consent Consent) ApplyNew(Person person, IOpening opening, string snapshot, ConsentChannel channel, string recordedBy, string? writtenReference, DateTime now)
    {
        var placement = Propose(person, opening, recordedBy, now);
        return (placement, placement.Apply(person, opening, snapshot, channel, recordedBy, writtenReference, now));
    }

    /// <summary>Turns a proposal into an application, with the person's consent to the terms as they stand.</summary>
    public Consent Apply(Person person, IOpening opening, string snapshot, ConsentChannel channel, string recordedBy, string? writtenReference, DateTime now)
    {
        RequireStatus("apply", PlacementStatus.Proposed);
        RequireSame(person, opening);
        RequireOpenFor(person, opening);
        var consent = new Consent(this, opening.Terms, snapshot, channel, recordedBy, writtenReference, now);
        Status = PlacementStatus.Applied;
        AppliedAt = now;
        Take(consent);
        return consent;
    }

    /// <summary>After the terms changed, the person consents to the new ones; a suspended placement may then be activated again.</summary>
    public Consent RenewConsent(Person person, IOpening opening, string snapshot, ConsentChannel channel, string recordedBy, string? writtenReference, DateTime now)
    {
        RequireStatus("consent again", PlacementStatus.Applied, PlacementStatus.Accepted);
        RequireSame(person, opening);
        if (HasConsentTo(opening.Terms))
        {
            throw new RuleViolation("placement.consent-current", "The consent on record already covers the current terms.", "consent");
        }

        var consent = new Consent(this, opening.Terms, snapshot, channel, recordedBy, writtenReference, now);
        Take(consent);
        return consent;
    }

    /// <summary>The employer (or the facility, for workshops and training) takes the application.</summary>
    public void Accept(DateTime now)
    {
        RequireStatus("accept", PlacementStatus.Applied);
        Status = PlacementStatus.Accepted;
        AcceptedAt = now;
        Version++;
    }

    /// <summary>Work or training starts: only with a consent to the current terms, and never a pre-trial detainee for a private employer.</summary>
    public void Activate(Person person, IOpening opening, DateTime now)
    {
        RequireStatus("activate", PlacementStatus.Accepted);
        RequireSame(person, opening);
        RequireNotPreTrialForPrivate(person, opening);
        if (!HasConsentTo(opening.Terms))
        {
            throw new RuleViolation("safeguard.consent", "The person has not consented to the current terms; they must see and accept them before the placement starts.", "consent");
        }

        if (person.Status == CustodyStatus.Released)
        {
            throw new RuleViolation("placement.released", "The person has been released.", "personId");
        }

        Status = PlacementStatus.Active;
        ActivatedAt ??= now;
        SuspendedAt = null;
        _periods = [.. _periods, new WorkPeriod(_periods.Count + 1, now, null, ConsentId!.Value, opening.Terms.HourlyWageMinor)];
        Version++;
    }

    /// <summary>
    /// The opening's terms changed: an active placement without consent to the new terms goes back to accepted
    /// (suspended) until the person consents again. Returns true when it was suspended.
    /// </summary>
    public bool OnTermsChanged(IOpening opening, DateTime now)
    {
        if (opening.Id != OpeningId || Status != PlacementStatus.Active || HasConsentTo(opening.Terms))
        {
            return false;
        }

        Suspend(now);
        return true;
    }

    /// <summary>
    /// Takes an active placement back to accepted: the terms changed, or a rule that allowed it no longer holds (a change
    /// of legal status or offences, a facility without workstations). Staff start it again once it is right.
    /// </summary>
    public void Suspend(DateTime now)
    {
        RequireStatus("be suspended", PlacementStatus.Active);
        ClosePeriod(now);
        Status = PlacementStatus.Accepted;
        SuspendedAt = now;
        Version++;
    }

    /// <summary>The person withdraws, at any step before the end. Nothing else about them changes: pay earned, facility and release stay as they are.</summary>
    public void Withdraw(Consent? consent, DateTime now, string? note = null)
    {
        if (consent is not null && consent.Id != ConsentId)
        {
            throw new ArgumentException("That is not this placement's consent.", nameof(consent));
        }

        consent?.Withdraw(now);
        End(Work.EndReason.WithdrawnByPerson, note, now);
    }

    /// <summary>Ends the placement for a reason other than the person's withdrawal (completion, the employer's decision, a movement, security).</summary>
    public void End(EndReason reason, string? note, DateTime now)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new RuleViolation("placement.end-reason", $"reason must be one of {EnumText.Choices<EndReason>()}.", "reason");
        }

        RequireStatus("end", PlacementStatus.Proposed, PlacementStatus.Applied, PlacementStatus.Accepted, PlacementStatus.Active);
        if (reason == Work.EndReason.Completed && Status != PlacementStatus.Active)
        {
            throw new RuleViolation("placement.not-active", "Only an active placement can be completed.", "reason");
        }

        if (note is { Length: > 500 })
        {
            throw new RuleViolation("placement.note", "A note is at most 500 characters.", "note");
        }

        ClosePeriod(now);
        Status = PlacementStatus.Ended;
        EndReason = reason;
        EndNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        EndedAt = now;
        Version++;
    }

    /// <summary>
    /// The span of active, consented work that covers <paramref name="date"/>: hours for that day are recorded under its
    /// consent and paid at its rate. A day no span covers (before the start, while suspended, after the end) has none.
    /// </summary>
    public WorkPeriod PeriodCovering(DateOnly date) =>
        _periods.LastOrDefault(p => DateOnly.FromDateTime(p.From) <= date && (p.To is not { } to || date <= DateOnly.FromDateTime(to)))
        ?? throw new RuleViolation(
            Status == PlacementStatus.Active ? "timesheet.before-start" : "timesheet.not-active",
            $"No active, consented work on this placement covers {date:yyyy-MM-dd}: hours are recorded only for days it was active under the person's consent to the terms then in force.",
            "date");

    private void ClosePeriod(DateTime now)
    {
        if (_periods.Count > 0 && _periods[^1].To is null)
        {
            _periods = [.. _periods[..^1], _periods[^1] with { To = now }];
        }
    }

    private void Take(Consent consent)
    {
        ConsentId = consent.Id;
        ConsentTermsHash = consent.TermsHash;
        Version++;
    }

    private void RequireSame(Person person, IOpening opening)
    {
        if (person.Id != PersonId || opening.Id != OpeningId)
        {
            throw new ArgumentException("The person or opening is not this placement's.");
        }
    }

    private static void RequireOpenFor(Person person, IOpening opening)
    {
        RequireNotPreTrialForPrivate(person, opening);
        if (opening.Status != OpeningStatus.Open)
        {
            throw new RuleViolation("opening.closed", "This order or course is closed to applications.", "openingId");
        }

        if (person.Status == CustodyStatus.Released)
        {
            throw new RuleViolation("placement.released", "The person has been released.", "personId");
        }
    }

    private static void RequireNotPreTrialForPrivate(Person person, IOpening opening)
    {
        if (person.LegalStatus == LegalStatus.PreTrial && opening.IsPrivateEmployer)
        {
            throw new RuleViolation("safeguard.pre-trial-private", "A pre-trial detainee is presumed innocent and may not be placed with a private employer (DESIGN.md section 2); work in the facility's own workshops is open to them.", "personId");
        }
    }

    private void RequireStatus(string action, params PlacementStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolation("placement.status", $"A placement that is {EnumText.Kebab(Status)} cannot {action}.", "status");
        }
    }
}

/// <summary>One span of active work under one consent: from, to (open while active), the consent and the hourly rate it agreed.</summary>
public sealed record WorkPeriod(int Number, DateTime From, DateTime? To, Guid ConsentId, long HourlyRateMinor);
