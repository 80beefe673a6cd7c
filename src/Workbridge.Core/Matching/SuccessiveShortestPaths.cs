namespace Workbridge.Core.Matching;

/// <summary>
/// The general solver, for any network with zero lower bounds: arcs of negative cost are saturated first, which leaves
/// every residual arc with nonnegative cost; then, repeatedly, Dijkstra from all nodes with excess at once (reduced
/// costs under the node potentials, so never negative) finds the nearest node with a deficit, as much as the path
/// allows is sent along it, and the potentials move by the distances. When no deficit can be reached the supplies
/// cannot be met. Exact (integer) throughout, and the final potentials are the optimality certificate.
/// Ties: among nodes at equal distance the lower node number is settled first, so the same file gives the same flow.
/// The number of augmentations is bounded by the total supply, not by a polynomial: it is meant for the files that are
/// not placement instances, which are small or medium in practice; placement instances go to
/// <see cref="PlacementSolver"/>.
/// </summary>
public static class SuccessiveShortestPaths
{
    public static FlowSolution Solve(FlowNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        const string Name = "successive-shortest-paths";
        var n = network.NodeCount;
        var m = network.ArcCount;
        if (m > (int.MaxValue / 2) - 1)
        {
            throw new ArgumentException($"{m:N0} arcs are more than this solver indexes.");
        }

        long total = 0;
        foreach (var s in network.Supply)
        {
            total += s;
        }

        if (total != 0)
        {
            return FlowSolution.Infeasible(Name, $"supplies sum to {total:N0}, not 0: no flow meets them all exactly");
        }

        var tails = network.Tails();
        var head = network.Head;
        var capacity = network.Capacity;
        var cost = network.Cost;

        // Residual arcs by tail: 2a is arc a forwards (leaving its tail), 2a + 1 is arc a backwards (leaving its head).
        var residualFirst = new int[n + 1];
        for (var a = 0; a < m; a++)
        {
            residualFirst[tails[a] + 1]++;
            residualFirst[head[a] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            residualFirst[v + 1] += residualFirst[v];
        }

        var residual = new int[2 * m];
        var fill = residualFirst[..n];
        for (var a = 0; a < m; a++)
        {
            residual[fill[tails[a]]++] = 2 * a;
            residual[fill[head[a]]++] = (2 * a) + 1;
        }

        var flow = new int[m];
        var excess = new long[n];
        for (var v = 0; v < n; v++)
        {
            excess[v] = network.Supply[v];
        }

        for (var a = 0; a < m; a++)
        {
            if (cost[a] < 0)
            {
                flow[a] = capacity[a];
                excess[tails[a]] -= capacity[a];
                excess[head[a]] += capacity[a];
            }
        }

        var potential = new long[n];
        var distance = new long[n];
        var settledMark = new int[n];
        var viaArc = new int[n];
        var settled = new List<int>();
        var queue = new PriorityQueue<int, (long Distance, int Node)>();
        var round = 0;
        while (true)
        {
            round++;
            queue.Clear();
            settled.Clear();
            for (var v = 0; v < n; v++)
            {
                distance[v] = long.MaxValue;
                if (excess[v] > 0)
                {
                    distance[v] = 0;
                    viaArc[v] = -1;
                    queue.Enqueue(v, (0, v));
                }
            }

            if (queue.Count == 0)
            {
                break;
            }

            var target = -1;
            while (queue.TryDequeue(out var u, out var key))
            {
                if (settledMark[u] == round || key.Distance != distance[u])
                {
                    continue;
                }

                settledMark[u] = round;
                settled.Add(u);
                if (excess[u] < 0)
                {
                    target = u;
                    break;
                }

                for (var r = residualFirst[u]; r < residualFirst[u + 1]; r++)
                {
                    var code = residual[r];
                    var a = code >> 1;
                    int v;
                    long arcCost;
                    if ((code & 1) == 0)
                    {
                        if (flow[a] == capacity[a])
                        {
                            continue;
                        }

                        v = head[a];
                        arcCost = cost[a];
                    }
                    else
                    {
                        if (flow[a] == 0)
                        {
                            continue;
                        }

                        v = tails[a];
                        arcCost = -(long)cost[a];
                    }

                    if (settledMark[v] == round)
                    {
                        continue;
                    }

                    var candidate = distance[u] + arcCost + potential[u] - potential[v];
                    if (candidate < distance[v])
                    {
                        distance[v] = candidate;
                        viaArc[v] = code;
                        queue.Enqueue(v, (candidate, v));
                    }
                }
            }

            if (target < 0)
            {
                var stuck = Array.FindIndex(excess, e => e > 0);
                long left = 0;
                foreach (var e in excess)
                {
                    left += Math.Max(e, 0);
                }

                return FlowSolution.Infeasible(Name, $"{left:N0} units of supply (at node {stuck + 1} among others) cannot reach any node that still needs flow");
            }

            var delta = -excess[target];
            var source = target;
            for (var v = target; viaArc[v] >= 0;)
            {
                var a = viaArc[v] >> 1;
                var forward = (viaArc[v] & 1) == 0;
                delta = Math.Min(delta, forward ? capacity[a] - flow[a] : flow[a]);
                v = forward ? tails[a] : head[a];
                source = v;
            }

            delta = Math.Min(delta, excess[source]);
            for (var v = target; viaArc[v] >= 0;)
            {
                var a = viaArc[v] >> 1;
                var forward = (viaArc[v] & 1) == 0;
                flow[a] += forward ? (int)delta : -(int)delta;
                v = forward ? tails[a] : head[a];
            }

            excess[source] -= delta;
            excess[target] += delta;

            // Every settled node moved closer than the target: shifting by (distance - target distance) keeps every
            // residual reduced cost nonnegative, including those of the arcs just reversed on the path.
            var reach = distance[target];
            foreach (var v in settled)
            {
                potential[v] += distance[v] - reach;
            }
        }

        long objective = 0;
        for (var a = 0; a < m; a++)
        {
            objective += (long)flow[a] * cost[a];
        }

        return new FlowSolution(FlowStatus.Optimal, objective, flow, potential, Name, null);
    }
}
