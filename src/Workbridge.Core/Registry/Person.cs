using Workbridge.Core.Common;
using Workbridge.Core.Reference;

namespace Workbridge.Core.Registry;

/// <summary>
/// A person in the service's custody, known outside their facility only by <see cref="Id"/> (pseudonymous).
/// Invariant: <see cref="FacilityId"/> and <see cref="Status"/> change only by a <see cref="Movement"/>, which these
/// methods create and return; every movement is checked against the current state and comes after the last one.
/// </summary>
public sealed class Person
{
    /// <summary>How far in the future a movement may be dated, to absorb clock skew between a clerk's machine and the server.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    private List<PersonOffence> _offences = [];
    private List<PersonOccupation> _occupations = [];
    private List<string> _languages = [];

    private Person()
    {
        ReferenceNumber = "";
        Identity = null!;
        Sentence = Sentence.None;
        SearchName = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The personal file number the service uses; unique.</summary>
    public string ReferenceNumber { get; private set; }

    /// <summary>Restricted: names and birth date.</summary>
    public PersonIdentity Identity { get; private set; }

    /// <summary>Folded "surname given patronymic" for search (see <see cref="SearchText"/>).</summary>
    public string SearchName { get; private set; }

    public LegalStatus LegalStatus { get; private set; }

    public Sentence Sentence { get; private set; }

    public IscedLevel Education { get; private set; }

    public IReadOnlyList<PersonOffence> Offences => _offences;

    /// <summary>All categories of the person's offences together, kept for eligibility queries.</summary>
    public OffenceCategory OffenceCategories { get; private set; }

    public IReadOnlyList<PersonOccupation> Occupations => _occupations;

    /// <summary>Languages spoken, as ISO 639 codes.</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <summary>The person has said they want work. Matching never proposes work to someone who has not.</summary>
    public bool WantsWork { get; private set; }

    public bool WantsTraining { get; private set; }

    /// <summary>The facility holding the person, or for a released person the one that released them.</summary>
    public Guid FacilityId { get; private set; }

    public CustodyStatus Status { get; private set; }

    /// <summary>Number of movements recorded; the next movement gets this plus one.</summary>
    public int MovementCount { get; private set; }

    /// <summary>When the latest movement happened (UTC); no movement may be dated earlier.</summary>
    public DateTime LastMovementAt { get; private set; }

    /// <summary>Optimistic concurrency: bumped by every change, so two clerks cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public bool HasProfession => _occupations.Count > 0;

    /// <summary>The movements the person's current status allows, for forms to offer.</summary>
    public IReadOnlyList<MovementKind> PossibleMovements => Status switch
    {
        CustodyStatus.InCustody => [MovementKind.Transfer, MovementKind.TemporaryRelease, MovementKind.Release, MovementKind.ReleaseRescheduled],
        CustodyStatus.TemporarilyReleased => [MovementKind.ReturnFromTemporaryRelease, MovementKind.Release, MovementKind.ReleaseRescheduled],
        _ => [MovementKind.Admission],
    };

    /// <summary>Creates a person by admitting them to a facility: the first movement of their record.</summary>
    public static (Person Person, Movement Admission) Admit(PersonDetails details, Facility facility, DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        var person = new Person { Id = Ids.New(), LastMovementAt = DateTime.MinValue.ToUniversalTime() };
        person.UpdateDetails(details, now, isNew: true);
        person.Status = CustodyStatus.Released;
        var movement = person.Move(MovementKind.Admission, occurredAt, reason, actorId, now);
        movement.ToFacilityId = facility.Id;
        person.FacilityId = facility.Id;
        person.Status = CustodyStatus.InCustody;
        return (person, movement);
    }

    /// <summary>Checks details as <see cref="Admit"/> would, without creating anyone: lets a caller report them before other checks.</summary>
    public static void Validate(PersonDetails details, DateTime now) => new Person().UpdateDetails(details, now, isNew: true);

    /// <summary>
    /// Changes recorded details. The expected release date is not among them: it changes by
    /// <see cref="RescheduleRelease"/>. A record whose identity retention removed cannot be edited back to a name.
    /// </summary>
    public void UpdateDetails(PersonDetails details, DateTime now)
    {
        if (IdentityRemoved)
        {
            throw new RuleViolation("person.identity-removed", "Retention removed this person's identity; the record can no longer be edited.", "identity");
        }

        UpdateDetails(details, now, isNew: false);
    }

    public Movement Readmit(Facility facility, DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        RequireStatus(MovementKind.Admission, CustodyStatus.Released);
        var movement = Move(MovementKind.Admission, occurredAt, reason, actorId, now);
        movement.ToFacilityId = facility.Id;
        FacilityId = facility.Id;
        Status = CustodyStatus.InCustody;
        return movement;
    }

    public Movement Transfer(Facility to, DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        RequireStatus(MovementKind.Transfer, CustodyStatus.InCustody);
        if (to.Id == FacilityId)
        {
            throw new RuleViolation("movement.same-facility", "A transfer must go to another facility than the current one.", "toFacilityId");
        }

        var movement = Move(MovementKind.Transfer, occurredAt, reason, actorId, now);
        movement.FromFacilityId = FacilityId;
        movement.ToFacilityId = to.Id;
        FacilityId = to.Id;
        return movement;
    }

    public Movement ReleaseTemporarily(DateOnly? dueBack, DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        RequireStatus(MovementKind.TemporaryRelease, CustodyStatus.InCustody);
        if (dueBack is { } due && due < DateOnly.FromDateTime(occurredAt))
        {
            throw new RuleViolation("movement.due-back", "The date due back cannot be before the day of leaving.", "date");
        }

        var movement = Move(MovementKind.TemporaryRelease, occurredAt, reason, actorId, now);
        movement.FromFacilityId = FacilityId;
        movement.Date = dueBack;
        Status = CustodyStatus.TemporarilyReleased;
        return movement;
    }

    public Movement ReturnFromTemporaryRelease(DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        RequireStatus(MovementKind.ReturnFromTemporaryRelease, CustodyStatus.TemporarilyReleased);
        var movement = Move(MovementKind.ReturnFromTemporaryRelease, occurredAt, reason, actorId, now);
        movement.ToFacilityId = FacilityId;
        Status = CustodyStatus.InCustody;
        return movement;
    }

    public Movement Release(DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        RequireStatus(MovementKind.Release, CustodyStatus.InCustody, CustodyStatus.TemporarilyReleased);
        var movement = Move(MovementKind.Release, occurredAt, reason, actorId, now);
        movement.FromFacilityId = FacilityId;
        Status = CustodyStatus.Released;
        return movement;
    }

    public Movement RescheduleRelease(DateOnly expectedRelease, DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        RequireStatus(MovementKind.ReleaseRescheduled, CustodyStatus.InCustody, CustodyStatus.TemporarilyReleased);
        if (LegalStatus == LegalStatus.PreTrial)
        {
            throw new RuleViolation("movement.release-pre-trial", "A pre-trial detainee has no sentence and so no release date to change; a court's release is a release movement.", "kind");
        }

        if (Sentence.End is { } end && expectedRelease > end)
        {
            throw new RuleViolation("movement.release-after-end", $"The expected release date cannot be after the sentence ends ({end:yyyy-MM-dd}).", "date");
        }

        if (Sentence.Start is { } start && expectedRelease < start)
        {
            throw new RuleViolation("movement.release-before-start", $"The expected release date cannot be before the sentence start ({start:yyyy-MM-dd}).", "date");
        }

        if (expectedRelease == Sentence.ExpectedRelease)
        {
            throw new RuleViolation("movement.release-unchanged", "The expected release date is already that date.", "date");
        }

        var movement = Move(MovementKind.ReleaseRescheduled, occurredAt, reason, actorId, now);
        movement.FromFacilityId = FacilityId;
        movement.PreviousDate = Sentence.ExpectedRelease;
        movement.Date = expectedRelease;
        Sentence = Sentence with { ExpectedRelease = expectedRelease };
        return movement;
    }

    /// <summary>
    /// A completed course adds its occupation with certificate evidence; an occupation already held keeps the higher
    /// proficiency and gains the certificate as evidence.
    /// </summary>
    public void AddCertifiedOccupation(string iscoCode)
    {
        if (!IscoGroup.IsUnitCode(iscoCode))
        {
            throw new RuleViolation("person.occupation", $"'{iscoCode}' is not an ISCO-08 unit group (4 digits).", "iscoCode");
        }

        var held = _occupations.FindIndex(o => o.IscoCode == iscoCode);
        var certified = new PersonOccupation(iscoCode, held < 0 ? Proficiency.Competent : (Proficiency)Math.Max((int)_occupations[held].Proficiency, (int)Proficiency.Competent), SkillEvidence.Certificate);
        _occupations = held < 0 ? [.. _occupations, certified] : [.. _occupations.Select((o, i) => i == held ? certified : o)];
        Version++;
    }

    /// <summary>True once <see cref="RemoveIdentity"/> has run.</summary>
    public bool IdentityRemoved => Identity.Surname == PersonIdentity.RemovedMark;

    /// <summary>
    /// Retention: replaces the names and file number of a person released long ago and keeps only the birth year (as
    /// 1 July), so the record still counts in statistics but no longer names anyone. Only for released people.
    /// </summary>
    public void RemoveIdentity()
    {
        if (Status != CustodyStatus.Released)
        {
            throw new RuleViolation("person.retention", "Only a released person's identity is removed by retention.", "status");
        }

        Identity = new PersonIdentity(PersonIdentity.RemovedMark, PersonIdentity.RemovedMark, null, new DateOnly(Identity.BirthDate.Year, 7, 1), Identity.Sex);
        // The file number identifies too: replace it with one derived from the pseudonymous id (unique, 32 characters).
        ReferenceNumber = "R-" + Id.ToString("N")[2..];
        SearchName = "";
        Version++;
    }

    private Movement Move(MovementKind kind, DateTime occurredAt, string reason, string actorId, DateTime now)
    {
        if (occurredAt.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("Movement times are UTC instants.", nameof(occurredAt));
        }

        if (occurredAt > now + ClockTolerance)
        {
            throw new RuleViolation("movement.in-future", "A movement is recorded when it has happened, not before; a future release is a release date.", "occurredAt");
        }

        if (occurredAt < LastMovementAt)
        {
            throw new RuleViolation("movement.out-of-order", $"A movement cannot be dated before the latest one ({LastMovementAt:yyyy-MM-dd HH:mm} UTC).", "occurredAt");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            throw new RuleViolation("movement.reason", "Every movement needs a reason of at most 500 characters.", "reason");
        }

        if (string.IsNullOrWhiteSpace(actorId))
        {
            throw new RuleViolation("movement.actor", "Every movement needs the account that recorded it.", "actor");
        }

        var movement = new Movement(this, kind, occurredAt, now, reason.Trim(), actorId);
        MovementCount++;
        LastMovementAt = occurredAt;
        Version++;
        return movement;
    }

    private void RequireStatus(MovementKind kind, params CustodyStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolation("movement.status", $"A {kind} movement is not possible while the person's status is {Status}.", "kind");
        }
    }

    private void UpdateDetails(PersonDetails details, DateTime now, bool isNew)
    {
        var reference = details.ReferenceNumber?.Trim() ?? "";
        if (reference.Length is 0 or > 32)
        {
            throw new RuleViolation("person.reference", "A reference number is 1 to 32 characters.", "referenceNumber");
        }

        var identity = ValidIdentity(details.Identity, DateOnly.FromDateTime(now));
        var sentence = ValidSentence(details.LegalStatus, details.Sentence);
        if (!isNew && Sentence.ExpectedRelease is not null && sentence.ExpectedRelease != Sentence.ExpectedRelease)
        {
            throw new RuleViolation("person.release-by-movement", "The expected release date changes only by a release-rescheduled movement, which keeps its history.", "sentence.expectedRelease");
        }

        if (!Enum.IsDefined(details.Education))
        {
            throw new RuleViolation("person.education", $"'{details.Education}' is not an ISCED level (0 to 8).", "education");
        }

        var occupations = details.Occupations.ToList();
        foreach (var occupation in occupations)
        {
            if (!IscoGroup.IsUnitCode(occupation.IscoCode))
            {
                throw new RuleViolation("person.occupation", $"'{occupation.IscoCode}' is not an ISCO-08 unit group (4 digits).", "occupations");
            }

            if (!Enum.IsDefined(occupation.Proficiency) || !Enum.IsDefined(occupation.Evidence))
            {
                throw new RuleViolation("person.occupation", $"Occupation {occupation.IscoCode} has an unknown proficiency or evidence.", "occupations");
            }
        }

        if (occupations.Select(o => o.IscoCode).Distinct().Count() != occupations.Count)
        {
            throw new RuleViolation("person.occupation", "An occupation is listed twice.", "occupations");
        }

        var languages = details.Languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList();
        if (languages.FirstOrDefault(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower)) is { } badLanguage)
        {
            throw new RuleViolation("person.language", $"'{badLanguage}' is not an ISO 639 language code such as ru or tt.", "languages");
        }

        ReferenceNumber = reference;
        Identity = identity;
        SearchName = SearchText.Fold(identity.FullName);
        LegalStatus = details.LegalStatus;
        Sentence = sentence;
        Education = details.Education;
        _offences = [.. details.Offences.Distinct()];
        OffenceCategories = _offences.Aggregate(OffenceCategory.None, (all, o) => all | o.Categories);
        _occupations = occupations;
        _languages = languages;
        WantsWork = details.WantsWork;
        WantsTraining = details.WantsTraining;
        Version++;
    }

    private static PersonIdentity ValidIdentity(PersonIdentity identity, DateOnly today)
    {
        if (identity is null)
        {
            throw new RuleViolation("person.identity", "Names and birth date are required.", "identity");
        }

        var surname = RequireName(identity.Surname, "surname");
        var given = RequireName(identity.GivenName, "givenName");
        var patronymic = string.IsNullOrWhiteSpace(identity.Patronymic) ? null : RequireName(identity.Patronymic, "patronymic");
        var age = identity.AgeOn(today);
        if (age is < 14 or > 110)
        {
            throw new RuleViolation("person.birth-date", $"A birth date of {identity.BirthDate:yyyy-MM-dd} gives an age of {age}; criminal responsibility starts at 14.", "birthDate");
        }

        if (!Enum.IsDefined(identity.Sex))
        {
            throw new RuleViolation("person.sex", "Sex must be male or female as recorded in the personal file.", "sex");
        }

        return identity with { Surname = surname, GivenName = given, Patronymic = patronymic };
    }

    private static string RequireName(string? name, string field)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is 0 or > 100
            ? throw new RuleViolation("person.name", $"{field} is required and at most 100 characters.", field)
            : trimmed;
    }

    private static Sentence ValidSentence(LegalStatus status, Sentence sentence)
    {
        sentence ??= Sentence.None;
        switch (status)
        {
            case LegalStatus.PreTrial when sentence.Kind != SentenceKind.None:
                throw new RuleViolation("person.sentence", "A pre-trial detainee has no sentence.", "sentence.kind");
            case LegalStatus.PreTrial:
                return Sentence.None;
            case LegalStatus.Convicted when sentence.Kind == SentenceKind.None || !Enum.IsDefined(sentence.Kind):
                throw new RuleViolation("person.sentence", "A convicted person needs the kind of sentence.", "sentence.kind");
            case LegalStatus.Convicted when sentence.Start is null:
                throw new RuleViolation("person.sentence", "A sentence needs its start date.", "sentence.start");
            case LegalStatus.Convicted:
                break;
            default:
                throw new RuleViolation("person.legal-status", $"'{status}' is not a legal status.", "legalStatus");
        }

        if (sentence.Kind == SentenceKind.LifeImprisonment && sentence.End is not null)
        {
            throw new RuleViolation("person.sentence", "Life imprisonment has no end date.", "sentence.end");
        }

        if (sentence.Kind != SentenceKind.LifeImprisonment && sentence.End is null)
        {
            throw new RuleViolation("person.sentence", "A fixed-term sentence needs its end date.", "sentence.end");
        }

        if (sentence.End < sentence.Start)
        {
            throw new RuleViolation("person.sentence", "The sentence ends before it starts.", "sentence.end");
        }

        if (sentence.ExpectedRelease is { } release && (release < sentence.Start || (sentence.End is { } end && release > end)))
        {
            throw new RuleViolation("person.sentence", "The expected release date must fall within the sentence.", "sentence.expectedRelease");
        }

        return sentence;
    }
}
