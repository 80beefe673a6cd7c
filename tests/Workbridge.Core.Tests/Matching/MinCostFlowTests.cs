using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Workbridge.Core.Matching;

namespace Workbridge.Core.Tests.Matching;

public sealed class MinCostFlowTests
{
    private static readonly Config Thousands = Config.QuickThrowOnFailure.WithMaxTest(3000);

    [Fact]
    public void PlacementSolver_RandomSmallInstances_MatchesTheReferenceAndVerifies()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var network = RandomNetworks.Placement(seed);
            var reference = ReferenceMinCostFlow.Solve(network);
            var solved = MinCostFlow.Solve(network, FlowAlgorithm.Placement);
            return solved.Status == FlowStatus.Optimal && reference.Status == FlowStatus.Optimal &&
                   solved.Objective == reference.Objective && solved.Algorithm.StartsWith("placement-", StringComparison.Ordinal);
        }).Check(Thousands);
    }

    [Fact]
    public void PlacementSolver_ScalingFromTheStart_MatchesTheReferenceAndVerifies()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var network = RandomNetworks.Placement(seed);
            var solved = PlacementSolver.Solve(network, PlacementShape.Detect(network, out _)!, workBudgetPerArc: 0)!;
            var report = FlowCertificate.Verify(network, solved.Flow, solved.Potential);
            return solved.Algorithm == "placement-cost-scaling" && report.Verified &&
                   report.Objective == ReferenceMinCostFlow.Solve(network).Objective;
        }).Check(Thousands);
    }

    [Fact]
    public void PlacementSolver_RandomGeneratedInstances_AgreesWithTheGeneralSolverInBothSchedules()
    {
        var instance = from people in Gen.Choose(20, 400)
                       from orders in Gen.Choose(2, 60)
                       from degree in Gen.Choose(1, 15)
                       from seed in Gen.Choose(0, int.MaxValue)
                       select new PlacementInstanceGenerator.Parameters(people, orders, degree, (ulong)seed);
        Prop.ForAll(instance.ToArbitrary(), parameters =>
        {
            var network = PlacementInstanceGenerator.Generate(parameters);
            var shape = PlacementShape.Detect(network, out _)!;
            var general = MinCostFlow.Solve(network, FlowAlgorithm.General);
            var auction = MinCostFlow.Solve(network, FlowAlgorithm.Placement);
            var scaling = PlacementSolver.Solve(network, shape, workBudgetPerArc: 0)!;
            var scalingReport = FlowCertificate.Verify(network, scaling.Flow, scaling.Potential);
            return general.Status == FlowStatus.Optimal && auction.Status == FlowStatus.Optimal && scalingReport.Verified &&
                   auction.Objective == general.Objective && scalingReport.Objective == general.Objective;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Theory]
    [InlineData(20_000, 2_000, 20, 1, -367_580)]
    [InlineData(5_000, 2_000, 10, 2, -235_690)]
    [InlineData(30_000, 500, 40, 3, -101_495)]
    public void Solve_GeneratedInstance_GivesLemonsObjective(int people, int orders, int degree, int seed, long lemon)
    {
        // The objectives are LEMON NetworkSimplex's on the same networks, written with `workbridge match bench --out`
        // and solved by ../shared/bench/lemon/run (2026-11-22).
        var network = PlacementInstanceGenerator.Generate(new(people, orders, degree, (ulong)seed));

        var solution = MinCostFlow.Solve(network);

        solution.Status.ShouldBe(FlowStatus.Optimal);
        solution.Objective.ShouldBe(lemon);
    }

    [Fact]
    public void General_RandomSmallNetworks_MatchesTheReferenceAndVerifies()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var network = RandomNetworks.General(seed);
            var reference = ReferenceMinCostFlow.Solve(network);
            var solved = MinCostFlow.Solve(network, FlowAlgorithm.General);
            return solved.Status == reference.Status && solved.Objective == reference.Objective &&
                   solved.Status != FlowStatus.Unverified;
        }).Check(Thousands);
    }

    [Fact]
    public void PlacementSolver_PriceWarAmongTiedOrders_LeavesTheSinglePhaseAndStaysOptimal()
    {
        // Sixty people value two one-seat orders equally and highly: plain bidding raises prices a step at a time.
        const int People = 60;
        var arcs = new List<(int From, int To, int Capacity, int Cost)>();
        var supply = new int[People + 3];
        for (var p = 0; p < People; p++)
        {
            supply[p] = 1;
            arcs.Add((p, People, 1, -1000));
            arcs.Add((p, People + 1, 1, -1000));
            arcs.Add((p, People + 2, 1, 0));
        }

        arcs.Add((People, People + 2, 1, 0));
        arcs.Add((People + 1, People + 2, 1, 0));
        supply[People + 2] = -People;
        var network = RandomNetworks.Build(People + 3, arcs, supply);

        var solution = MinCostFlow.Solve(network, FlowAlgorithm.Placement);

        solution.Algorithm.ShouldNotBe("placement-auction");
        solution.Status.ShouldBe(FlowStatus.Optimal);
        solution.Objective.ShouldBe(-2000);
        ReferenceMinCostFlow.Solve(network).Objective.ShouldBe(-2000);
    }

    [Fact]
    public void Solve_EveryoneTiedOnTheSameScore_LeavesThePlacementSolverForTheGeneralOne()
    {
        // 500 people each eligible for 5 of 10 orders, all at the same score: every bid moves a price by only ε, and
        // scaling does not help. Both budgets run out and the general solver answers.
        var random = new Random(5);
        const int People = 500;
        const int Orders = 10;
        var arcs = new List<(int From, int To, int Capacity, int Cost)>();
        var supply = new int[People + Orders + 1];
        for (var p = 0; p < People; p++)
        {
            supply[p] = 1;
            foreach (var o in Enumerable.Range(0, Orders).OrderBy(_ => random.Next()).Take(5).Order())
            {
                arcs.Add((p, People + o, 1, -1000));
            }

            arcs.Add((p, People + Orders, 1, 0));
        }

        var seats = 0;
        for (var o = 0; o < Orders; o++)
        {
            var s = random.Next(1, 31);
            seats += s;
            arcs.Add((People + o, People + Orders, s, 0));
        }

        supply[People + Orders] = -People;
        var network = RandomNetworks.Build(People + Orders + 1, arcs, supply);

        var solution = MinCostFlow.Solve(network);

        solution.Status.ShouldBe(FlowStatus.Optimal);
        solution.Algorithm.ShouldBe("successive-shortest-paths (placement solver over its budget)");
        solution.Objective.ShouldBe(-1000L * seats);
    }

    [Fact]
    public void Solve_GeneratedInstanceTwice_GivesTheSameFlowAndPotentials()
    {
        var network = PlacementInstanceGenerator.Generate(new(3000, 200, 12, 7));

        var first = MinCostFlow.Solve(network);
        var second = MinCostFlow.Solve(network);

        first.Status.ShouldBe(FlowStatus.Optimal);
        second.Flow.ShouldBe(first.Flow);
        second.Potential.ShouldBe(first.Potential);
    }

    [Fact]
    public void General_GeneratedPlacementInstance_AgreesWithThePlacementSolver()
    {
        var network = PlacementInstanceGenerator.Generate(new(400, 30, 10, 11));

        var placement = MinCostFlow.Solve(network, FlowAlgorithm.Placement);
        var general = MinCostFlow.Solve(network, FlowAlgorithm.General);

        placement.Status.ShouldBe(FlowStatus.Optimal);
        general.Status.ShouldBe(FlowStatus.Optimal);
        general.Objective.ShouldBe(placement.Objective);
        placement.Objective.ShouldBeLessThan(0);
    }

    [Fact]
    public void General_NetworkWithANegativeCycle_UsesTheCycleOnlyAsFarAsCapacityAllows()
    {
        // 1 → 4 directly costs 2 (via 2) or 3 (via 3); 2 → 3 costs -5 but carries one unit, and 3 → 2 closes a cycle.
        var network = RandomNetworks.Build(4, [(0, 1, 2, 1), (1, 3, 2, 1), (0, 2, 1, 3), (2, 3, 1, 0), (1, 2, 1, -5), (2, 1, 1, 1)], [1, 0, 0, -1]);

        var solution = MinCostFlow.Solve(network);

        solution.Algorithm.ShouldBe("successive-shortest-paths");
        solution.Status.ShouldBe(FlowStatus.Optimal);
        solution.Objective.ShouldBe(-4);
        ReferenceMinCostFlow.Solve(network).Objective.ShouldBe(-4);
    }

    [Fact]
    public void Solve_SupplyThatCannotReachTheDemand_IsInfeasibleWithAReason()
    {
        var network = RandomNetworks.Build(3, [(0, 1, 5, 1)], [2, 0, -2]);

        var solution = MinCostFlow.Solve(network);

        solution.Status.ShouldBe(FlowStatus.Infeasible);
        solution.Problem!.ShouldContain("cannot reach");
        ReferenceMinCostFlow.Solve(network).Status.ShouldBe(FlowStatus.Infeasible);
    }

    [Fact]
    public void Solve_UnbalancedSupplies_IsInfeasible()
    {
        var solution = MinCostFlow.Solve(RandomNetworks.Build(2, [(0, 1, 5, 1)], [2, -1]));

        solution.Status.ShouldBe(FlowStatus.Infeasible);
        solution.Problem!.ShouldContain("sum to 1");
    }

    [Fact]
    public void Solve_DemandsAsUpperBounds_MatchesLemonsDefault()
    {
        // Node 2 asks for 2 but only 1 is supplied; node 3 has no supply but may send into 2 at a profit (cost -5).
        var network = RandomNetworks.Build(3, [(0, 1, 5, 1), (2, 1, 1, -5)], [1, -2, 0]);

        var exact = MinCostFlow.Solve(network);
        var atLeast = MinCostFlow.Solve(network, rule: SupplyRule.AtLeast);

        exact.Status.ShouldBe(FlowStatus.Infeasible);
        atLeast.Status.ShouldBe(FlowStatus.Optimal);
        atLeast.Objective.ShouldBe(-4);
        atLeast.Flow.ShouldBe([1, 1]);
    }

    [Fact]
    public void Solve_PlacementWithoutANotPlacedArc_GoesToTheGeneralSolver()
    {
        // Two people, one seat, no "not placed" arcs: no feasible flow, and not the placement shape.
        var network = RandomNetworks.Build(4, [(0, 2, 1, -1), (1, 2, 1, -1), (2, 3, 1, 0)], [1, 1, 0, -2]);

        PlacementShape.Detect(network, out var whyNot).ShouldBeNull();
        whyNot!.ShouldContain("no arc to the sink");
        MinCostFlow.Solve(network).Status.ShouldBe(FlowStatus.Infeasible);
    }

    [Fact]
    public void Verify_FlowAboveCapacity_Fails()
    {
        var network = RandomNetworks.Build(2, [(0, 1, 1, 1)], [2, -2]);

        var report = FlowCertificate.Verify(network, [2], [0, 0]);

        report.Verified.ShouldBeFalse();
        report.Problem!.ShouldContain("outside 0..1");
    }

    [Fact]
    public void Verify_FlowThatDoesNotMeetTheSupplies_Fails()
    {
        var network = RandomNetworks.Build(3, [(0, 1, 5, 1), (1, 2, 5, 1)], [2, 0, -2]);

        var report = FlowCertificate.Verify(network, [2, 1], [0, 1, 2]);

        report.Verified.ShouldBeFalse();
        report.Problem!.ShouldContain("node 2 sends -1 units net");
    }

    [Fact]
    public void Verify_FeasibleButDearerFlow_FailsWhateverThePotentials()
    {
        // One unit from 1 to 3: directly at cost 5 or through 2 at cost 2. The direct flow is feasible, not optimal.
        var network = RandomNetworks.Build(3, [(0, 2, 1, 5), (0, 1, 1, 1), (1, 2, 1, 1)], [1, 0, -1]);
        var dearer = new[] { 1, 0, 0 };

        foreach (var potential in new long[][] { [0, 0, 0], [0, 1, 5], [0, -1, 5], [3, 2, 0] })
        {
            FlowCertificate.Verify(network, dearer, potential).Verified.ShouldBeFalse();
        }

        var best = MinCostFlow.Solve(network);
        FlowCertificate.Verify(network, best.Flow, best.Potential).ShouldBe(new FlowCertificateReport(true, 2, null));
    }
}
