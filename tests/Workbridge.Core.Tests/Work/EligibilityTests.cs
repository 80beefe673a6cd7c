using Shouldly;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Work;
using static Workbridge.Core.Tests.Work.WorkFixture;

namespace Workbridge.Core.Tests.Work;

public sealed class EligibilityTests
{
    [Fact]
    public void For_ConvictedInTheWorkshopsFacility_IsEligibleWithEveryCheckShown()
    {
        var result = Eligibility.For(Person(), Order(), Context());
        result.IsEligible.ShouldBeTrue();
        result.Checks.Select(c => c.Code).ShouldBe(["wants-work", "in-custody", "open", "not-already", "hours-cap", "dates", "release-date", "pre-trial", "work-mode", "region", "security", "juvenile-hazardous", "wage-minimum"]);
    }

    [Fact]
    public void For_ComputerCrimeAndPrivilegedAccess_IsRefusedWithTheRuleCode()
    {
        var result = Eligibility.For(Person(categories: OffenceCategory.Computer), Order(WorkMode.Remote, access: AccessNeed.PrivilegedSystems), Context());
        result.IsEligible.ShouldBeFalse();
        result.Failed.Single().Code.ShouldBe("security.computer.privileged-systems");
    }

    [Fact]
    public void For_RemoteWithoutWorkstations_IsRefused()
    {
        var person = Person(Centre);
        var result = Eligibility.For(person, Order(WorkMode.Remote), Context(Centre));
        result.Failed.Select(c => c.Code).ShouldBe(["remote-workstations"]);
    }

    [Fact]
    public void For_OffSiteFromAColony_IsRefusedByTheWorkModeTable()
    {
        Eligibility.For(Person(), Order(WorkMode.OffSite), Context()).Failed.Select(c => c.Code).ShouldBe(["work-mode"]);
        Eligibility.For(Person(Centre), Order(WorkMode.OffSite), Context(Centre)).IsEligible.ShouldBeTrue();
    }

    [Fact]
    public void For_RemoteOrderForAnotherRegion_IsRefused() =>
        Eligibility.For(Person(), Order(WorkMode.Remote, regions: ["RU-MOW"]), Context()).Failed.Select(c => c.Code).ShouldBe(["region"]);

    [Fact]
    public void For_PreTrialAndRemoteWork_IsRefused()
    {
        var person = Person(Colony, LegalStatus.PreTrial);
        Eligibility.For(person, Order(WorkMode.Remote), Context()).Failed.Select(c => c.Code).ShouldContain("pre-trial");
    }

    [Fact]
    public void For_JuvenileAndHazardousWork_IsRefused()
    {
        var person = Person(birth: Today.AddYears(-16));
        var result = Eligibility.For(person, Order(hazardous: true, terms: Terms(hours: 30)), Context());
        result.Failed.Select(c => c.Code).ShouldBe(["juvenile-hazardous"]);
    }

    [Fact]
    public void For_JuvenileOverTheWeeklyCapWithOtherWork_IsRefused()
    {
        var person = Person(birth: Today.AddYears(-16));
        var result = Eligibility.For(person, Order(terms: Terms(hours: 20)), Context(otherHours: 20));
        var failed = result.Failed.Single();
        failed.Code.ShouldBe("hours-cap");
        failed.Message.ShouldContain("cap of 35");
    }

    [Fact]
    public void For_Cohort_InAnotherFacility_IsRefused()
    {
        var cohort = Cohort(Centre);
        Eligibility.For(Person(), cohort, Context()).Failed.Select(c => c.Code).ShouldBe(["facility"]);
    }

    [Fact]
    public void Priority_PeopleWithoutAProfessionFirst()
    {
        var early = (Id: Guid.NewGuid(), HasProfession: true, At: Now);
        var late = (Id: Guid.NewGuid(), HasProfession: false, At: Now.AddHours(1));
        Training.Cohort.Priority([early, late], a => a.HasProfession, a => a.At, a => a.Id).First().ShouldBe(late);
    }

    [Fact]
    public void RequireSeatFor_PersonWithAProfession_WaitsBehindThoseWithout()
    {
        var cohort = Cohort();
        Should.Throw<Common.RuleViolation>(() => cohort.RequireSeatFor(hasProfession: true, taken: 1, waitingWithoutProfession: 1)).Code.ShouldBe("cohort.priority");
        cohort.RequireSeatFor(hasProfession: false, taken: 1, waitingWithoutProfession: 1);
        cohort.RequireSeatFor(hasProfession: true, taken: 0, waitingWithoutProfession: 1);
        Should.Throw<Common.RuleViolation>(() => cohort.RequireSeatFor(hasProfession: false, taken: 2, waitingWithoutProfession: 0)).Code.ShouldBe("cohort.full");
    }
}
