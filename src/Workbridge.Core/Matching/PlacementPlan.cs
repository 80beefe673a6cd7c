using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using Workbridge.Core.Training;
using Workbridge.Core.Work;

namespace Workbridge.Core.Matching;

/// <summary>An eligible pair and its score's total (<see cref="MatchScore.Total"/>): a person who could take an opening.</summary>
/// <remarks>Only the total is kept for every edge; the parts are worked out again for the proposals that are shown.</remarks>
public sealed record Candidate(int Person, int Opening, int Points);

/// <summary>What the plan proposes for one person: the opening, or why none.</summary>
public sealed record Proposal(int Person, int? Opening, int? Points, string Reason);

/// <summary>
/// The best overall allocation of people to openings: each person at most one opening, each opening at most its free
/// seats, the total score as high as possible. Solved exactly as min-cost flow (person → opening at minus the score,
/// opening → sink up to its seats, person → sink at 0 for "not placed") by <see cref="MinCostFlow"/>, whose dual
/// certificate is checked before the plan is returned. Proposals are only proposals: each still needs the person's
/// own application and consent.
/// </summary>
public static class PlacementPlan
{
    public sealed record Result(IReadOnlyList<Proposal> Proposals, long TotalScore, string Algorithm);

    /// <summary>
    /// The eligible edges: every pair of a person and an opening (a job order they want work from, or a cohort in their
    /// facility they want training from) that passes every rule of <see cref="Eligibility"/>, scored by
    /// <see cref="MatchScoring"/>. <paramref name="open"/> holds the pairs already proposed or placed, which are left out.
    /// People are expected without active placements, so no other hours count against the caps.
    /// </summary>
    public static List<Candidate> Candidates(IReadOnlyList<Person> people, IReadOnlyList<IOpening> openings, IReadOnlyDictionary<Guid, Facility> facilities, IReadOnlyDictionary<string, Region> regions, EligibilityRules rules, DateOnly today, IReadOnlySet<(Guid PersonId, Guid OpeningId)> open)
    {
        var candidates = new List<Candidate>();
        // Job orders through the column-wise index (one pass over the people per order, the same rules and score as
        // Eligibility and MatchScoring); cohorts, few and local, person by person.
        var index = new CandidateIndex(people, [.. facilities.Values], new Dictionary<Guid, int>());
        var positions = index.Positions();
        for (var o = 0; o < openings.Count; o++)
        {
            var opening = openings[o];
            if (opening is JobOrder job)
            {
                var exclude = open.Where(x => x.OpeningId == job.Id && positions.ContainsKey(x.PersonId)).Select(x => positions[x.PersonId]).ToHashSet();
                foreach (var hit in index.All(job, regions, rules, today, exclude))
                {
                    candidates.Add(new Candidate(hit.Person, o, hit.Score));
                }

                continue;
            }

            var cohort = (Cohort)opening;
            for (var p = 0; p < people.Count; p++)
            {
                var person = people[p];
                var facility = facilities[person.FacilityId];
                if (!person.WantsTraining || cohort.FacilityId != facility.Id || open.Contains((person.Id, cohort.Id)))
                {
                    continue;
                }

                var region = regions[facility.RegionCode];
                if (Eligibility.For(person, cohort, new EligibilityContext(facility, region, today, 0, false, rules)).IsEligible)
                {
                    candidates.Add(new Candidate(p, o, MatchScoring.For(person, cohort, cohort.IscoCode, region, today).Total));
                }
            }
        }

        return candidates;
    }

    /// <summary>
    /// The network in the layout of ../shared/bench/lemon/README.md: people 0 .. people-1 with supply 1, openings after
    /// them, one sink with demand = people; person → opening (cap 1, cost −score), opening → sink (cap = free seats),
    /// person → sink (cap 1, cost 0). Also the candidates in the order their arcs were given.
    /// </summary>
    public static (FlowNetwork Network, IReadOnlyList<Candidate> Ordered) Network(int people, IReadOnlyList<int> seats, IReadOnlyList<Candidate> candidates)
    {
        var openings = seats.Count;
        var sink = people + openings;
        var count = candidates.Count + openings + people;
        var tail = new int[count];
        var head = new int[count];
        var capacity = new int[count];
        var cost = new int[count];
        var arc = 0;
        // Candidates in (person, opening) order, so that ties fall the same way whatever order they were listed in.
        var ordered = candidates.OrderBy(c => c.Person).ThenBy(c => c.Opening).ToList();
        foreach (var candidate in ordered)
        {
            (tail[arc], head[arc], capacity[arc], cost[arc]) = (candidate.Person, people + candidate.Opening, 1, -candidate.Points);
            arc++;
        }

        for (var o = 0; o < openings; o++)
        {
            (tail[arc], head[arc], capacity[arc], cost[arc]) = (people + o, sink, Math.Max(0, seats[o]), 0);
            arc++;
        }

        for (var p = 0; p < people; p++)
        {
            (tail[arc], head[arc], capacity[arc], cost[arc]) = (p, sink, 1, 0);
            arc++;
        }

        var supply = new int[people + openings + 1];
        for (var p = 0; p < people; p++)
        {
            supply[p] = 1;
        }

        supply[sink] = -people;
        return (FlowNetwork.FromArcList(supply.Length, tail, head, capacity, cost, supply), ordered);
    }

    /// <param name="people">How many people (indices 0 .. people-1).</param>
    /// <param name="seats">Free seats of each opening (indices 0 .. seats.Length-1).</param>
    /// <param name="candidates">Every eligible pair with its score's total (at least 1).</param>
    /// <param name="progress">Where the solver reports its phases, if anywhere.</param>
    public static Result Solve(int people, IReadOnlyList<int> seats, IReadOnlyList<Candidate> candidates, IProgress<string>? progress = null)
    {
        var (network, ordered) = Network(people, seats, candidates);
        var solution = MinCostFlow.Solve(network, FlowAlgorithm.Auto, progress);
        if (solution.Status != FlowStatus.Optimal)
        {
            throw new InvalidOperationException($"The placement problem could not be solved: {solution.Problem}");
        }

        // Flow is per arc in row order; FileOrder maps it back to the order the arcs were given in.
        var assigned = new int?[people];
        var order = network.FileOrder!;
        for (var a = 0; a < network.ArcCount; a++)
        {
            var given = order[a];
            if (given < ordered.Count && solution.Flow[a] > 0)
            {
                assigned[ordered[given].Person] = given;
            }
        }

        var eligibleFor = new int[people];
        foreach (var c in ordered)
        {
            eligibleFor[c.Person]++;
        }

        var proposals = new List<Proposal>(people);
        for (var p = 0; p < people; p++)
        {
            proposals.Add(assigned[p] is { } i
                ? new Proposal(p, ordered[i].Opening, ordered[i].Points, "Proposed: the best total over everyone gives this place to this person.")
                : eligibleFor[p] == 0
                    ? new Proposal(p, null, null, "No open place passes every rule for this person.")
                    : new Proposal(p, null, null, $"Eligible for {eligibleFor[p]} place(s), but their seats give a higher total to others."));
        }

        return new Result(proposals, -solution.Objective, solution.Algorithm);
    }
}
