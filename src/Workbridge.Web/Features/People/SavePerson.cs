using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.People;

namespace Workbridge.Web.Features.People;

/// <summary>A person's recorded details as the API and the forms send them.</summary>
public sealed record PersonInput
{
    public string? ReferenceNumber { get; init; }

    public string? Surname { get; init; }

    public string? GivenName { get; init; }

    public string? Patronymic { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    public LegalStatus? LegalStatus { get; init; }

    public SentenceInput? Sentence { get; init; }

    public IscedLevel? Education { get; init; }

    /// <summary>Legal references such as "RU-UK 158 ч.2 п.«а»".</summary>
    public IReadOnlyList<string>? Offences { get; init; }

    public IReadOnlyList<OccupationInput>? Occupations { get; init; }

    /// <summary>ISO 639 codes such as "ru", "tt".</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    public bool WantsWork { get; init; }

    public bool WantsTraining { get; init; }

    /// <summary>The record's version when it was read; an update that carries it is refused (409) if someone saved in between.</summary>
    public int? Version { get; init; }

    public static PersonInput From(Person person) => new()
    {
        Version = person.Version,
        ReferenceNumber = person.ReferenceNumber,
        Surname = person.Identity.Surname,
        GivenName = person.Identity.GivenName,
        Patronymic = person.Identity.Patronymic,
        BirthDate = person.Identity.BirthDate,
        Sex = person.Identity.Sex,
        LegalStatus = person.LegalStatus,
        Sentence = new SentenceInput(person.Sentence.Kind, person.Sentence.Start, person.Sentence.End, person.Sentence.ExpectedRelease),
        Education = person.Education,
        Offences = [.. person.Offences.Select(o => o.Reference.ToString())],
        Occupations = [.. person.Occupations.Select(o => new OccupationInput(o.IscoCode, o.Proficiency, o.Evidence))],
        Languages = person.Languages,
        WantsWork = person.WantsWork,
        WantsTraining = person.WantsTraining,
    };

    /// <summary>Checks presence and the catalogue here; Core checks the rest (dates, ages, sentence rules).</summary>
    public PersonDetails ToDetails(Catalogue catalogue) => new(
        ReferenceNumber ?? throw Missing("referenceNumber"),
        new PersonIdentity(Surname ?? throw Missing("surname"), GivenName ?? throw Missing("givenName"), Patronymic, BirthDate ?? throw Missing("birthDate"), Sex ?? throw Missing("sex")),
        LegalStatus ?? throw Missing("legalStatus"),
        Sentence is null ? Core.Registry.Sentence.None : new Sentence(Sentence.Kind ?? SentenceKind.None, Sentence.Start, Sentence.End, Sentence.ExpectedRelease),
        Education ?? throw Missing("education"),
        [.. (Offences ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Select(catalogue.Offence)],
        [.. (Occupations ?? []).Select(o => catalogue.Occupation(o.IscoCode ?? throw Missing("occupations"), o.Proficiency ?? Proficiency.Competent, o.Evidence ?? SkillEvidence.SelfReported))],
        Languages ?? [],
        WantsWork,
        WantsTraining);

    private static RuleViolation Missing(string field) => new("request.missing", $"{field} is required.", field);
}

public sealed record SentenceInput(SentenceKind? Kind, DateOnly? Start, DateOnly? End, DateOnly? ExpectedRelease);

public sealed record OccupationInput(string? IscoCode, Proficiency? Proficiency, SkillEvidence? Evidence);

/// <summary>Registering a person is admitting them: the details plus the facility, time and reason of the admission.</summary>
public sealed record CreatePersonInput
{
    public required PersonInput Person { get; init; }

    public Guid? FacilityId { get; init; }

    /// <summary>When the person arrived (UTC); now when omitted.</summary>
    public DateTime? AdmittedAt { get; init; }

    public string? Reason { get; init; }
}

public sealed class SavePerson(UnitOfWork unitOfWork)
{
    public async Task<Guid> CreateAsync(Actor actor, CreatePersonInput input, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var details = input.Person.ToDetails(await Catalogue.LoadAsync(db, cancellationToken));
        Person.Validate(details, unitOfWork.Now);
        var facilityId = input.FacilityId ?? throw new RuleViolation("request.missing", "facilityId is required: the facility the person is admitted to.", "facilityId");
        var facility = await db.Facilities.FirstOrDefaultAsync(f => f.Id == facilityId, cancellationToken)
            ?? throw new RuleViolation("person.facility", "There is no facility with that id.", "facilityId");
        if (actor.Role == Role.FacilityStaff && actor.FacilityId != facility.Id)
        {
            throw new RuleViolation("person.facility", "Facility staff admit people to their own facility only.", "facilityId");
        }

        await RequireUniqueReferenceAsync(details.ReferenceNumber, null, cancellationToken);
        var now = unitOfWork.Now;
        var (person, admission) = Person.Admit(details, facility, input.AdmittedAt?.ToUniversalTime() ?? now, input.Reason ?? "Admitted", actor.Id, now);
        return await unitOfWork.RunAsync(actor, db =>
        {
            db.People.Add(person);
            db.Movements.Add(admission);
            return Task.FromResult(person.Id);
        }, cancellationToken);
    }

    /// <summary>Updates details; returns false when the person does not exist or is out of the actor's sight.</summary>
    public async Task<bool> UpdateAsync(Actor actor, Guid id, PersonInput input, CancellationToken cancellationToken)
    {
        var db = unitOfWork.Db;
        var person = await PeopleQueries.FindAsync(db, actor, id, cancellationToken);
        if (person is null)
        {
            return false;
        }

        if (input.Version is { } version && version != person.Version)
        {
            throw new DbUpdateConcurrencyException($"Version {version} was read, but the record is at version {person.Version}.");
        }

        var details = input.ToDetails(await Catalogue.LoadAsync(db, cancellationToken));
        await RequireUniqueReferenceAsync(details.ReferenceNumber, id, cancellationToken);
        await unitOfWork.RunAsync(actor, async d =>
        {
            person.UpdateDetails(details, unitOfWork.Now);
            // A new legal status or offence can take away what allowed a placement: it stops with the change.
            await Work.Placements.SuspendWhereRulesFailAsync(d, p => p.PersonId == id, unitOfWork.Now, cancellationToken);
            return true;
        }, cancellationToken);
        return true;
    }

    private async Task RequireUniqueReferenceAsync(string reference, Guid? except, CancellationToken cancellationToken)
    {
        var trimmed = reference.Trim();
        if (await unitOfWork.Db.People.AnyAsync(p => p.ReferenceNumber == trimmed && p.Id != except, cancellationToken))
        {
            throw new RuleViolation("person.reference-taken", $"Reference number {trimmed} belongs to another person.", "referenceNumber");
        }
    }
}
