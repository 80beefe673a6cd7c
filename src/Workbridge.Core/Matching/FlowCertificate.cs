namespace Workbridge.Core.Matching;

/// <summary>The result of checking a flow and its potentials: <see cref="Problem"/> is null when both hold.</summary>
public sealed record FlowCertificateReport(bool Verified, long Objective, string? Problem);

/// <summary>
/// Checks that a flow is a minimum-cost flow, without trusting whoever computed it: feasibility (0 ≤ flow ≤ capacity
/// on every arc, outflow − inflow = supply at every node) and optimality by complementary slackness against integer
/// node potentials π (reduced cost c + π(tail) − π(head) ≥ 0 on arcs with room left, ≤ 0 on arcs with flow). A
/// feasible flow with such potentials is optimal by linear-programming duality: no residual cycle can have negative
/// cost, since along a cycle the potentials cancel and every residual arc has nonnegative reduced cost. All sums are
/// checked 64-bit arithmetic; an overflow is reported as a failure, never wrapped.
/// </summary>
public static class FlowCertificate
{
    public static FlowCertificateReport Verify(FlowNetwork network, ReadOnlySpan<int> flow, ReadOnlySpan<long> potential)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (flow.Length != network.ArcCount || potential.Length != network.NodeCount)
        {
            return new(false, 0, $"the certificate has {flow.Length} flows and {potential.Length} potentials for {network.ArcCount} arcs and {network.NodeCount} nodes");
        }

        try
        {
            return Check(network, flow, potential);
        }
        catch (OverflowException)
        {
            return new(false, 0, "a sum or reduced cost overflows 64-bit integers");
        }
    }

    private static FlowCertificateReport Check(FlowNetwork network, ReadOnlySpan<int> flow, ReadOnlySpan<long> potential)
    {
        var balance = new long[network.NodeCount];
        long objective = 0;
        var head = network.Head;
        var capacity = network.Capacity;
        var cost = network.Cost;
        for (var v = 0; v < network.NodeCount; v++)
        {
            var pv = potential[v];
            for (var a = network.FirstArc[v]; a < network.FirstArc[v + 1]; a++)
            {
                var f = flow[a];
                if (f < 0 || f > capacity[a])
                {
                    return new(false, 0, $"arc {Describe(v, head[a])} carries {f}, outside 0..{capacity[a]}");
                }

                var reduced = cost[a] + pv - potential[head[a]];
                if (f < capacity[a] && reduced < 0)
                {
                    return new(false, 0, $"arc {Describe(v, head[a])} has room left (flow {f} of {capacity[a]}) but reduced cost {reduced} < 0: a cheaper flow may exist");
                }

                if (f > 0 && reduced > 0)
                {
                    return new(false, 0, $"arc {Describe(v, head[a])} carries {f} but has reduced cost {reduced} > 0: a cheaper flow may exist");
                }

                balance[v] += f;
                balance[head[a]] -= f;
                objective += (long)cost[a] * f;
            }
        }

        for (var v = 0; v < network.NodeCount; v++)
        {
            if (balance[v] != network.Supply[v])
            {
                return new(false, 0, $"node {v + 1} sends {balance[v]} units net but its supply is {network.Supply[v]}");
            }
        }

        return new(true, objective, null);
    }

    private static string Describe(int tail, int head) => $"{tail + 1}→{head + 1}";
}
