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
}
