using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.People;
using Workbridge.Web.Access;
using Workbridge.Web.Features.Facilities;
using Workbridge.Web.Features.People;

namespace Workbridge.Web.Pages.People;

/// <summary>The registration form (admission) and the edit form share one page: same fields, same handler checks.</summary>
public sealed class EditModel(WorkbridgeDb db, SavePerson save, FacilitiesFeature facilities, CurrentActor actor) : PageModel
{
    public sealed class PersonForm
    {
        public string? ReferenceNumber { get; set; }

        public string? Surname { get; set; }

        public string? GivenName { get; set; }

        public string? Patronymic { get; set; }

        public DateOnly? BirthDate { get; set; }

        public Sex? Sex { get; set; }

        public LegalStatus? LegalStatus { get; set; } = Core.Registry.LegalStatus.Convicted;

        public SentenceKind? SentenceKind { get; set; } = Core.Registry.SentenceKind.Imprisonment;

        public DateOnly? SentenceStart { get; set; }

        public DateOnly? SentenceEnd { get; set; }

        public DateOnly? ExpectedRelease { get; set; }

        public IscedLevel? Education { get; set; } = IscedLevel.UpperSecondary;

        public string? Offences { get; set; }

        public string? Occupations { get; set; }

        public string? Languages { get; set; } = "ru";

        public bool WantsWork { get; set; }

        public bool WantsTraining { get; set; }

        public Guid? FacilityId { get; set; }

        public DateTime? AdmittedAt { get; set; }

        public int? Version { get; set; }

        public PersonInput ToInput() => new()
        {
            Version = Version,
            ReferenceNumber = ReferenceNumber,
            Surname = Surname,
            GivenName = GivenName,
            Patronymic = Patronymic,
            BirthDate = BirthDate,
            Sex = Sex,
            LegalStatus = LegalStatus,
            Sentence = new SentenceInput(SentenceKind, SentenceStart, SentenceEnd, ExpectedRelease),
            Education = Education,
            Offences = Lines(Offences),
            Occupations = [.. Lines(Occupations).Select(ParseOccupation)],
            Languages = [.. (Languages ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)],
            WantsWork = WantsWork,
            WantsTraining = WantsTraining,
        };

        public static PersonForm From(PersonInput input) => new()
        {
            Version = input.Version,
            ReferenceNumber = input.ReferenceNumber,
            Surname = input.Surname,
            GivenName = input.GivenName,
            Patronymic = input.Patronymic,
            BirthDate = input.BirthDate,
            Sex = input.Sex,
            LegalStatus = input.LegalStatus,
            SentenceKind = input.Sentence?.Kind,
            SentenceStart = input.Sentence?.Start,
            SentenceEnd = input.Sentence?.End,
            ExpectedRelease = input.Sentence?.ExpectedRelease,
            Education = input.Education,
            Offences = string.Join('\n', input.Offences ?? []),
            Occupations = string.Join('\n', (input.Occupations ?? []).Select(o => $"{o.IscoCode} {EnumText.Kebab(o.Proficiency!.Value)} {EnumText.Kebab(o.Evidence!.Value)}")),
            Languages = string.Join(", ", input.Languages ?? []),
            WantsWork = input.WantsWork,
            WantsTraining = input.WantsTraining,
        };

        private static List<string> Lines(string? text) => [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

        private static OccupationInput ParseOccupation(string line)
        {
            var parts = line.Split([' ', ':', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            Proficiency? proficiency = null;
            SkillEvidence? evidence = null;
            if (parts.Length > 1)
            {
                proficiency = EnumText.TryParse<Proficiency>(parts[1], out var p) ? p : throw new RuleViolation("person.occupation", $"'{parts[1]}' is not a proficiency: {EnumText.Choices<Proficiency>()}.", "occupations");
            }

            if (parts.Length > 2)
            {
                evidence = EnumText.TryParse<SkillEvidence>(parts[2], out var e) ? e : throw new RuleViolation("person.occupation", $"'{parts[2]}' is not evidence: {EnumText.Choices<SkillEvidence>()}.", "occupations");
            }

            return new OccupationInput(parts[0], proficiency, evidence);
        }
    }

    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public Guid? Id { get; private set; }

    public bool IsNew => Id is null;

    public bool HadRelease { get; private set; }

    public IReadOnlyList<FacilityView> Facilities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (id is not null)
        {
            Form = PersonForm.From(PersonInput.From((await PeopleQueries.FindAsync(db, actor.Get(HttpContext), id.Value, cancellationToken))!));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var who = actor.Get(HttpContext);
            if (id is null)
            {
                var admittedAt = Form.AdmittedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null;
                var created = await save.CreateAsync(who, new CreatePersonInput { Person = Form.ToInput(), FacilityId = Form.FacilityId, AdmittedAt = admittedAt, Reason = "Registered on the admission form" }, cancellationToken);
                return Redirect($"/people/{created}");
            }

            await save.UpdateAsync(who, id.Value, Form.ToInput(), cancellationToken);
            return Redirect($"/people/{id}");
        }
        catch (RuleViolation violation)
        {
            ModelState.AddModelError(violation.Field ?? "", violation.Message);
            return Page();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else saved this record after you opened it. Reload it, then make your change again.");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Facilities = await facilities.ChoicesAsync(cancellationToken);
        if (id is null)
        {
            return true;
        }

        var person = await PeopleQueries.FindAsync(db, actor.Get(HttpContext), id.Value, cancellationToken);
        HadRelease = person?.Sentence.ExpectedRelease is not null;
        return person is not null;
    }
}
