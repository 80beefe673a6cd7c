namespace Workbridge.Core.Matching;

/// <summary>
/// The general solver, for any network with zero lower bounds: arcs of negative cost are saturated first, which leaves
/// every residual arc with nonnegative cost; then, repeatedly, Dijkstra from all nodes with excess at once (reduced
/// costs under the node potentials, so never negative) finds the distance to the nearest node with a deficit, the
/// potentials move by the distances, and flow is sent along every path of reduced cost 0 a depth-first search finds
/// (a primal-dual phase) before the next Dijkstra. When no deficit can be reached the supplies cannot be met. Exact (integer) throughout, and the final potentials are the optimality certificate.
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
            return FlowSolution.Infeasible(Name, $"supplies sum to {total:N0}, not 0: no flow meets them all exactly" +
                (total < 0 ? " (LEMON's default treats demands as upper bounds: --supply at-least)" : ""));
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
        var augmenter = new Augmenter(residualFirst, residual, tails, head, capacity, cost, flow, excess);
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

            // Every settled node moved closer than the target: shifting by (distance - target distance) keeps every
            // residual reduced cost nonnegative, and every shortest path to the target now has reduced cost 0.
            var reach = distance[target];
            foreach (var v in settled)
            {
                potential[v] += distance[v] - reach;
            }

            augmenter.Phase(potential);
        }

        long objective = 0;
        for (var a = 0; a < m; a++)
        {
            objective += (long)flow[a] * cost[a];
        }

        return new FlowSolution(FlowStatus.Optimal, objective, flow, potential, Name, null);
    }

    /// <summary>
    /// Sends flow along every path of reduced cost 0 it finds from nodes with excess to nodes with a deficit, by
    /// depth-first search with a current arc per node; nodes found to lead nowhere are skipped for the rest of the
    /// phase. Such paths are shortest paths, so reduced costs stay nonnegative (reversed arcs get reduced cost 0).
    /// </summary>
    private sealed class Augmenter(int[] residualFirst, int[] residual, int[] tails, int[] head, int[] capacity, int[] cost, int[] flow, long[] excess)
    {
        private readonly int[] _current = new int[excess.Length];
        private readonly int[] _currentPhase = new int[excess.Length];
        private readonly int[] _dead = new int[excess.Length];
        private readonly int[] _visited = new int[excess.Length];
        private readonly int[] _via = new int[excess.Length];
        private readonly List<int> _stack = [];
        private int _phase;
        private int _call;

        public void Phase(long[] potential)
        {
            _phase++;
            for (var source = 0; source < excess.Length; source++)
            {
                while (excess[source] > 0 && _dead[source] != _phase)
                {
                    var target = Search(source, potential);
                    if (target < 0)
                    {
                        break;
                    }

                    Augment(source, target);
                }
            }
        }

        private int Search(int source, long[] potential)
        {
            _call++;
            _stack.Clear();
            _stack.Add(source);
            _visited[source] = _call;
            while (_stack.Count > 0)
            {
                var u = _stack[^1];
                if (excess[u] < 0)
                {
                    return u;
                }

                if (_currentPhase[u] != _phase)
                {
                    _currentPhase[u] = _phase;
                    _current[u] = residualFirst[u];
                }

                var advanced = false;
                for (; _current[u] < residualFirst[u + 1]; _current[u]++)
                {
                    var code = residual[_current[u]];
                    var a = code >> 1;
                    var forward = (code & 1) == 0;
                    var v = forward ? head[a] : tails[a];
                    if ((forward ? flow[a] == capacity[a] : flow[a] == 0) || _dead[v] == _phase || _visited[v] == _call ||
                        (forward ? cost[a] : -(long)cost[a]) + potential[u] - potential[v] != 0)
                    {
                        continue;
                    }

                    _visited[v] = _call;
                    _via[v] = code;
                    _stack.Add(v);
                    advanced = true;
                    break;
                }

                if (!advanced)
                {
                    _dead[u] = _phase;
                    _stack.RemoveAt(_stack.Count - 1);
                }
            }

            return -1;
        }

        private void Augment(int source, int target)
        {
            var delta = Math.Min(excess[source], -excess[target]);
            for (var v = target; v != source;)
            {
                var a = _via[v] >> 1;
                var forward = (_via[v] & 1) == 0;
                delta = Math.Min(delta, forward ? capacity[a] - flow[a] : flow[a]);
                v = forward ? tails[a] : head[a];
            }

            for (var v = target; v != source;)
            {
                var a = _via[v] >> 1;
                var forward = (_via[v] & 1) == 0;
                flow[a] += forward ? (int)delta : -(int)delta;
                v = forward ? tails[a] : head[a];
            }

            excess[source] -= delta;
            excess[target] += delta;
        }
    }
}
