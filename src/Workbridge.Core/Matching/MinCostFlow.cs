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

/// <summary>How supplies bind.</summary>
public enum SupplyRule
{
    /// <summary>The DIMACS rule: every node sends exactly its supply (receives exactly its demand); supplies sum to 0.</summary>
    Exact,

    /// <summary>
    /// LEMON's default (its GEQ supply type): outflow − inflow ≥ supply at every node, so demands are upper bounds
    /// and supplies may sum to less than 0. Solved as <see cref="Exact"/> with one extra node that may feed any node.
    /// </summary>
    AtLeast,
}

/// <summary>
/// Solves a min-cost-flow network and checks the answer: a flow is reported <see cref="FlowStatus.Optimal"/> only after
/// <see cref="FlowCertificate.Verify"/> accepted it with the solver's potentials.
/// </summary>
public static class MinCostFlow
{
    public static FlowSolution Solve(FlowNetwork network, FlowAlgorithm algorithm = FlowAlgorithm.Auto, IProgress<string>? progress = null, SupplyRule rule = SupplyRule.Exact)
    {
        ArgumentNullException.ThrowIfNull(network);
        long total = 0;
        foreach (var supply in network.Supply)
        {
            total += supply;
        }

        if (rule == SupplyRule.AtLeast && total < 0)
        {
            var extended = Solve(WithSlackSource(network, -total), algorithm == FlowAlgorithm.Placement ? FlowAlgorithm.Auto : algorithm, progress);
            return extended.Status == FlowStatus.Infeasible
                ? extended
                : extended with
                {
                    Flow = extended.Flow[..network.ArcCount],
                    Potential = extended.Potential[..network.NodeCount],
                    Algorithm = extended.Algorithm + " (demands as upper bounds)",
                };
        }

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

        FlowSolution solution;
        try
        {
            solution = shape is not null ? PlacementSolver.Solve(network, shape, progress) ?? OverBudget(network)
                : algorithm == FlowAlgorithm.Reference ? ReferenceMinCostFlow.Solve(network)
                : SuccessiveShortestPaths.Solve(network);
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("Costs, capacities or supplies are too large: a sum or a potential overflows 64-bit integers.", e);
        }
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

    /// <summary>
    /// The network plus a last node whose supply is the missing amount and which may send any part of it, at no cost,
    /// to any node: a node's outflow − inflow may then exceed its supply, exactly as <see cref="SupplyRule.AtLeast"/>
    /// allows. The original arcs keep their indices; the new arcs come last.
    /// </summary>
    private static FlowNetwork WithSlackSource(FlowNetwork network, long missing)
    {
        if (missing > int.MaxValue)
        {
            throw new ArgumentException($"Demands exceed supplies by {missing:N0}, more than 32-bit capacities can carry.");
        }

        var n = network.NodeCount;
        var m = network.ArcCount;
        var first = new int[n + 2];
        network.FirstArc.CopyTo(first, 0);
        first[n + 1] = checked(m + n);
        var head = new int[m + n];
        var capacity = new int[m + n];
        var cost = new int[m + n];
        network.Head.CopyTo(head, 0);
        network.Capacity.CopyTo(capacity, 0);
        network.Cost.CopyTo(cost, 0);
        for (var v = 0; v < n; v++)
        {
            head[m + v] = v;
            capacity[m + v] = (int)missing;
        }

        var supply = new int[n + 1];
        network.Supply.CopyTo(supply, 0);
        supply[n] = (int)missing;
        return new FlowNetwork(first, head, capacity, cost, supply);
    }

    private static FlowSolution OverBudget(FlowNetwork network)
    {
        var solution = SuccessiveShortestPaths.Solve(network);
        return solution with { Algorithm = solution.Algorithm + " (placement solver over its budget)" };
    }
}
