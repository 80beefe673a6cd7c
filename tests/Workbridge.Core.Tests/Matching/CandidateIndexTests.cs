using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Workbridge.Core.Matching;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Work;
using static Workbridge.Core.Tests.Work.WorkFixture;

namespace Workbridge.Core.Tests.Matching;

public sealed class CandidateIndexTests
{
    private static readonly string[] Codes = ["7522", "7523", "7512", "7111", "2512", "9321"];
    private static readonly OffenceCategory[] Categories = [OffenceCategory.Property, OffenceCategory.Computer, OffenceCategory.Fraud, OffenceCategory.SexualAgainstMinors];
    private static readonly Facility[] Facilities = [Colony, Centre, Remand];
    private static readonly Dictionary<string, Region> Regions = new() { ["RU-TA"] = Tatarstan, ["RU-MOW"] = Moscow };

    /// <summary>
    /// Random people and random orders: the index's top k is exactly what checking every person with
    /// <see cref="Eligibility"/> and scoring with <see cref="MatchScoring"/> would give, best first, ties by position.
    /// </summary>
    [Fact]
    public void Top_RandomPopulationsAndOrders_EqualsCheckingEveryone()
    {
        var person = from facility in Gen.Choose(0, 2)
                     from preTrial in Gen.Elements(false, false, true)
                     from age in Gen.Choose(14, 60)
                     from category in Gen.Choose(0, 3)
                     from wants in Gen.Elements(true, true, false)
                     from occupations in Gen.Choose(0, 5).ArrayOf(2)
                     from proficiency in Gen.Choose(1, 4)
                     from released in Gen.Elements(false, false, false, true)
                     from hours in Gen.Elements(0, 0, 20, 35)
                     select (Facility: facility, PreTrial: preTrial, Age: age, Category: category, Wants: wants, Occupations: occupations, Proficiency: proficiency, Released: released, Hours: hours);
        var order = from mode in Gen.Choose(0, 3)
                    from access in Gen.Choose(0, 15)
                    from hazardous in Gen.Elements(false, true)
                    from hours in Gen.Choose(10, 40)
                    from code in Gen.Choose(0, 5)
                    from wage in Gen.Choose(17_000, 40_000)
                    from k in Gen.Choose(1, 12)
                    select (Mode: mode, Access: access, Hazardous: hazardous, Hours: hours, Code: code, Wage: wage, K: k);
        Prop.ForAll(person.ListOf().ToArbitrary(), order.ToArbitrary(), (specs, o) =>
        {
            var people = specs.Select(Make).ToList();
            var hours = people.Select((p, i) => (p.Id, specs[i].Hours)).ToDictionary(x => x.Id, x => x.Hours);
            var job = MakeOrder(o.Mode, (AccessNeed)o.Access, o.Hazardous, o.Hours, Codes[o.Code], o.Wage);
            var index = new CandidateIndex(people, Facilities, hours);

            var expected = people.Select((p, i) => (Person: p, Index: i))
                .Where(x => Eligibility.For(x.Person, job, new EligibilityContext(Facilities.Single(f => f.Id == x.Person.FacilityId), Tatarstan, Today, hours[x.Person.Id], false, EligibilityRules.Defaults)).IsEligible)
                .Select(x => new RankedCandidate(x.Index, MatchScoring.For(x.Person, job, job.IscoCode, Tatarstan, Today).Total))
                .OrderByDescending(c => c.Score).ThenBy(c => c.Person).Take(o.K).ToList();
            index.Top(job, Regions, EligibilityRules.Defaults, Today, o.K).ShouldBe(expected);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static Person Make((int Facility, bool PreTrial, int Age, int Category, bool Wants, int[] Occupations, int Proficiency, bool Released, int Hours) s)
    {
        var facility = Facilities[s.Facility];
        var status = s.PreTrial ? LegalStatus.PreTrial : LegalStatus.Convicted;
        var sentence = s.PreTrial ? Sentence.None : new Sentence(SentenceKind.Imprisonment, new DateOnly(2024, 1, 15), Today.AddDays(2500), Today.AddDays(s.Age * 37 % 2000));
        var details = new PersonDetails(
            "PF-" + Guid.NewGuid().ToString("N")[..8],
            new PersonIdentity("Семёнов", "Пётр", null, Today.AddYears(-s.Age).AddDays(-s.Age * 7 % 300), Sex.Male),
            status,
            sentence,
            IscedLevel.UpperSecondary,
            [new PersonOffence("RU-UK", "158", "2", null, Categories[s.Category])],
            [.. s.Occupations.Distinct().Where(c => c < Codes.Length - 1).Select(c => new PersonOccupation(Codes[c], (Proficiency)s.Proficiency, (SkillEvidence)(1 + c % 4)))],
            ["ru"],
            WantsWork: s.Wants,
            WantsTraining: false);
        var (person, _) = Registry.Person.Admit(details, facility, Now.AddDays(-300), "Admitted", "clerk", Now);
        if (s.Released)
        {
            person.Release(Now.AddDays(-1), "Released", "clerk", Now);
        }

        return person;
    }

    private static JobOrder MakeOrder(int mode, AccessNeed access, bool hazardous, int hours, string code, long wage)
    {
        var terms = Core.Work.Terms.Validated("Work", "Work described plainly for the test.", wage, hours, Today.AddDays(-5), Today.AddDays(100), 40);
        var supervision = "An officer watches the room; accounts are read-only.";
        return mode switch
        {
            0 => JobOrder.Create(null, Colony, WorkMode.InFacility, code, terms, 5, [], access, hazardous, supervision, null, Tatarstan, Now),
            1 => JobOrder.Create(VerifiedEmployer(), Colony, WorkMode.InFacility, code, terms, 5, [], access, hazardous, supervision, null, Tatarstan, Now),
            2 => JobOrder.Create(VerifiedEmployer(), null, WorkMode.OffSite, code, terms, 5, ["RU-TA"], access, hazardous, supervision, null, Tatarstan, Now),
            _ => JobOrder.Create(VerifiedEmployer(), null, WorkMode.Remote, code, terms, 5, [], access, hazardous, supervision, null, Tatarstan, Now),
        };
    }
}
