namespace Workbridge.Core.Matching;

/// <summary>Which solver <see cref="MinCostFlow.Solve"/> uses.</summary>
public enum FlowAlgorithm
{
    /// <summary>The placement solver when the network has the placement shape, else the general one.</summary>
    Auto,

    /// <summary><see cref="PlacementSolver"/>; refused for a network of another shape.</summary>
    Placement,

    /// <summary><see cref="SuccessiveShortestPaths"/>, for any network.</summary>
    General,

    /// <summary><see cref="ReferenceMinCostFlow"/>: slow and plain, for checking on small networks.</summary>
    Reference,
}

/// <summary>
/// Solves a min-cost-flow network and checks the answer: a flow is reported <see cref="FlowStatus.Optimal"/> only after
/// <see cref="FlowCertificate.Verify"/> accepted it with the solver's potentials.
/// </summary>
public static class MinCostFlow
{
    public static FlowSolution Solve(FlowNetwork network, FlowAlgorithm algorithm = FlowAlgorithm.Auto, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        PlacementShape? shape = null;
        string? whyNot = null;
        if (algorithm is FlowAlgorithm.Auto or FlowAlgorithm.Placement)
        {
            shape = PlacementShape.Detect(network, out whyNot);
            if (shape is null && algorithm == FlowAlgorithm.Placement)
            {
                throw new ArgumentException($"Not a placement network: {whyNot}.");
            }
        }

        var solution = shape is not null ? PlacementSolver.Solve(network, shape, progress)
            : algorithm == FlowAlgorithm.Reference ? ReferenceMinCostFlow.Solve(network)
            : SuccessiveShortestPaths.Solve(network);
        if (solution.Status != FlowStatus.Optimal)
        {
            return solution;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = FlowCertificate.Verify(network, solution.Flow, solution.Potential);
        progress?.Report($"certificate checked in {clock.Elapsed.TotalSeconds:F3} s");
        return report.Verified
            ? solution with { Objective = report.Objective }
            : solution with { Status = FlowStatus.Unverified, Problem = report.Problem };
    }
}
