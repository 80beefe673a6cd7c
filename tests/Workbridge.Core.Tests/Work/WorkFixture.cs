using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;

namespace Workbridge.Core.Tests.Work;

/// <summary>A small world for work and training rules: one region, three facilities, a verified private employer.</summary>
internal static class WorkFixture
{
    public static readonly DateTime Now = new(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    public static Region Tatarstan { get; } = MakeRegion("RU-TA");

    public static Region Moscow { get; } = MakeRegion("RU-MOW");

    public static readonly Facility Colony = new("IK-1-TA", "ИК-1", FacilityKind.GeneralRegimeColony, "RU-TA", 900, 10);
    public static readonly Facility Centre = new("IC-1-TA", "ИЦ-1", FacilityKind.CorrectionalCentre, "RU-TA", 200, 0);
    public static readonly Facility Remand = new("SIZO-1-TA", "СИЗО-1", FacilityKind.PreTrialDetentionCentre, "RU-TA", 900, 0);

    public static Employer VerifiedEmployer(EmployerSector sector = EmployerSector.Private)
    {
        var employer = new Employer("ООО «Окна Поволжья»", "7707083893", "RU-TA", sector);
        employer.Verify(Now);
        return employer;
    }

    /// <summary>27,093 roubles a month (2026 federal minimum) over 1,972 norm hours a year needs at least 16,487 kopecks an hour; 30,000 is above it.</summary>
    public static Terms Terms(long wage = 30_000, int hours = 40, string duties = "Assemble and glaze window frames in the workshop.") =>
        Core.Work.Terms.Validated("Window assembler", duties, wage, hours, Today.AddDays(-30), Today.AddDays(180), 40);

    public static JobOrder Order(WorkMode mode = WorkMode.InFacility, Employer? employer = null, AccessNeed access = AccessNeed.None, bool hazardous = false, Terms? terms = null, IEnumerable<string>? regions = null) =>
        JobOrder.Create(
            mode == WorkMode.InFacility ? employer : employer ?? VerifiedEmployer(),
            mode == WorkMode.InFacility ? Colony : null,
            mode,
            "7125",
            terms ?? Terms(),
            5,
            regions ?? (mode == WorkMode.OffSite ? ["RU-TA"] : []),
            access,
            hazardous,
            mode == WorkMode.Remote || access != AccessNeed.None ? "A duty officer watches the workstation room; accounts are read-only." : "",
            null,
            Tatarstan,
            Now);

    public static Person Person(Facility? facility = null, LegalStatus status = LegalStatus.Convicted, DateOnly? birth = null, OffenceCategory categories = OffenceCategory.Property, bool occupations = true, Sex sex = Sex.Male)
    {
        var sentence = status == LegalStatus.PreTrial
            ? Sentence.None
            : new Sentence(facility == Centre ? SentenceKind.CorrectionalCentreWork : SentenceKind.Imprisonment, new DateOnly(2024, 1, 15), new DateOnly(2029, 1, 14), new DateOnly(2029, 1, 14));
        var details = new PersonDetails(
            "PF-" + Guid.NewGuid().ToString("N")[..8],
            new PersonIdentity("Семёнов", "Пётр", "Ильич", birth ?? new DateOnly(1990, 4, 12), sex),
            status,
            sentence,
            IscedLevel.UpperSecondary,
            [new PersonOffence("RU-UK", "158", "2", "а", categories)],
            occupations ? [new PersonOccupation("7522", Proficiency.Competent, SkillEvidence.Certificate)] : [],
            ["ru"],
            WantsWork: true,
            WantsTraining: true);
        return Registry.Person.Admit(details, facility ?? Colony, Now.AddDays(-200), "Admitted", "clerk", Now).Person;
    }

    public static EligibilityContext Context(Facility? facility = null, int otherHours = 0) =>
        new(facility ?? Colony, Tatarstan, Today, otherHours, false, EligibilityRules.Defaults);

    /// <summary>A person applied, accepted and active on <paramref name="order"/>.</summary>
    public static Placement Active(Person person, IOpening order)
    {
        var (placement, _) = Placement.ApplyNew(person, order, "snapshot", ConsentChannel.SelfService, "person", null, Now);
        placement.Accept(Now);
        placement.Activate(person, order, Now);
        return placement;
    }

    public static Cohort Cohort(Facility? facility = null) =>
        new(new TrainingCourse("7115", "Carpenter", 320, "Wood, joints, tools and safety; a final practical test."), facility ?? Colony, 2, Today.AddDays(-10), Today.AddDays(90), 20, 40, Now);

    private static Region MakeRegion(string code)
    {
        var region = new Region(code, code, code, "RUB", 4_000_000, 3, WorkingTimeRules.RussianLabourCode);
        region.AddMinimumWage(new MinimumWage(new DateOnly(2026, 1, 1), 2_709_300, 1000, "Federal Law 82-FZ as amended for 2026"));
        return region;
    }
}
