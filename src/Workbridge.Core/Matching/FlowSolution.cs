namespace Workbridge.Core.Matching;

/// <summary>How a min-cost-flow solve ended.</summary>
public enum FlowStatus
{
    /// <summary>A feasible flow whose optimality certificate was checked.</summary>
    Optimal,

    /// <summary>No flow meets every supply within the capacities; <see cref="FlowSolution.Problem"/> says why.</summary>
    Infeasible,

    /// <summary>The solver's flow failed its certificate check (a defect); <see cref="FlowSolution.Problem"/> says where.</summary>
    Unverified,
}

/// <summary>
/// The outcome of a solve. For <see cref="FlowStatus.Optimal"/>: <see cref="Flow"/> per arc (in the network's arc
/// order), <see cref="Potential"/> per node (integer duals: every arc with room left has cost + π(tail) − π(head) ≥ 0,
/// every arc carrying flow has it ≤ 0), and <see cref="Objective"/>, the total cost Σ cost × flow.
/// </summary>
public sealed record FlowSolution(FlowStatus Status, long Objective, int[] Flow, long[] Potential, string Algorithm, string? Problem)
{
    public static FlowSolution Infeasible(string algorithm, string problem) => new(FlowStatus.Infeasible, 0, [], [], algorithm, problem);
}
