using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Workbridge.Core.Matching;
using Workbridge.Core.Registry;
using Workbridge.Core.Tests.Work;
using static Workbridge.Core.Tests.Work.WorkFixture;

namespace Workbridge.Core.Tests.Matching;

public sealed class PlacementPlanTests
{
    private static int Points(int total) => total;

    [Fact]
    public void Solve_TwoPeopleOneSeat_GivesItToTheBetterFit()
    {
        var result = PlacementPlan.Solve(2, [1], [new Candidate(0, 0, Points(10)), new Candidate(1, 0, Points(30))]);
        result.TotalScore.ShouldBe(30);
        result.Proposals[1].Opening.ShouldBe(0);
        result.Proposals[0].Opening.ShouldBeNull();
        result.Proposals[0].Reason.ShouldContain("higher total to others");
    }

    /// <summary>Small random instances against every possible assignment: the plan is valid and its total is the best.</summary>
    [Fact]
    public void Solve_RandomSmallInstances_EqualsExhaustiveSearch()
    {
        var instance = from people in Gen.Choose(1, 5)
                       from openings in Gen.Choose(1, 3)
                       from seats in Gen.Choose(0, 2).ArrayOf(openings)
                       from edges in Gen.Choose(0, 1).ArrayOf(people * openings)
                       from scores in Gen.Choose(1, 6).ArrayOf(people * openings)
                       select (People: people, Seats: seats, Candidates: Enumerable.Range(0, people * openings).Where(i => edges[i] == 1).Select(i => new Candidate(i / openings, i % openings, Points(scores[i]))).ToList());
        Prop.ForAll(instance.ToArbitrary(), x =>
        {
            var result = PlacementPlan.Solve(x.People, x.Seats, x.Candidates);
            result.TotalScore.ShouldBe(Best(x.People, x.Seats.ToArray(), x.Candidates, 0));
            result.Proposals.Where(p => p.Opening is not null).Sum(p => p.Points!.Value).ShouldBe((int)result.TotalScore);
            foreach (var group in result.Proposals.Where(p => p.Opening is not null).GroupBy(p => p.Opening!.Value))
            {
                group.Count().ShouldBeLessThanOrEqualTo(x.Seats[group.Key]);
            }

            result.Proposals.Where(p => p.Opening is not null).ShouldAllBe(p => x.Candidates.Any(c => c.Person == p.Person && c.Opening == p.Opening));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Candidates_OnlyEligiblePairs_AndNotThoseAlreadyOpen()
    {
        var worker = Person();
        var remand = Person(Colony, LegalStatus.PreTrial);
        var student = Person(occupations: false);
        var privateWorkshop = Order(employer: VerifiedEmployer());
        var cohort = Cohort();
        Core.Work.IOpening[] openings = [privateWorkshop, cohort];
        var facilities = new[] { Colony, Centre, Remand }.ToDictionary(f => f.Id);
        var regions = new Dictionary<string, Core.Reference.Region> { ["RU-TA"] = Tatarstan };

        var edges = PlacementPlan.Candidates([worker, remand, student], openings, facilities, regions, Core.Work.EligibilityRules.Defaults, Today, new HashSet<(Guid, Guid)> { (student.Id, privateWorkshop.Id) });

        // The pre-trial detainee gets training but nothing from a private employer, the pair already open is left out, and the
        // person without a profession gets the training priority.
        edges.Select(e => (e.Person, e.Opening)).ShouldBe([(0, 0), (0, 1), (1, 1), (2, 1)]);
        edges.Single(e => e.Person == 2).Points.ShouldBe(MatchScoring.For(student, cohort, cohort.IscoCode, Tatarstan, Today).Total);
        MatchScoring.For(student, cohort, cohort.IscoCode, Tatarstan, Today).Parts.ShouldContain(p => p.Name == "no-profession");
    }

    [Fact]
    public void Fit_FollowsTheIscoHierarchy()
    {
        var person = Person(); // holds 7522 (cabinet-maker), competent, with a certificate
        MatchScoring.Fit(person, "7522").Points.ShouldBe(400);
        MatchScoring.Fit(person, "7523").Points.ShouldBe(250);
        MatchScoring.Fit(person, "7512").Points.ShouldBe(120);
        MatchScoring.Fit(person, "7111").Points.ShouldBe(50);
        MatchScoring.Fit(person, "2512").Points.ShouldBe(0);
    }

    [Fact]
    public void For_TrainingAndNoProfession_CountsThePriority()
    {
        var score = MatchScoring.For(Person(occupations: false), Cohort(), "7115", Tatarstan, Today);
        score.Parts.ShouldContain(p => p.Name == "no-profession" && p.Points == 300);
        score.Total.ShouldBeGreaterThan(300);
        MatchScoring.For(Person(), Order(), "7125", Tatarstan, Today).Parts.ShouldNotContain(p => p.Name == "no-profession");
    }

    private static long Best(int people, int[] seats, List<Candidate> candidates, int person)
    {
        if (person == people)
        {
            return 0;
        }

        var best = Best(people, seats, candidates, person + 1);
        foreach (var c in candidates.Where(c => c.Person == person && seats[c.Opening] > 0))
        {
            seats[c.Opening]--;
            best = Math.Max(best, c.Points + Best(people, seats, candidates, person + 1));
            seats[c.Opening]++;
        }

        return best;
    }
}
