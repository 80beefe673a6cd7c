namespace Workbridge.Core.Matching;

/// <summary>
/// A deliberately plain min-cost-flow solver that tests compare the fast ones against: a feasible flow by shortest
/// augmenting paths (breadth-first, costs ignored), then negative cycles in the residual graph found by Bellman-Ford
/// and cancelled until none is left; the final Bellman-Ford distances are the potentials. Optimal by the
/// negative-cycle criterion. Cubic or worse: for instances of tens of nodes.
/// </summary>
public static class ReferenceMinCostFlow
{
    public static FlowSolution Solve(FlowNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.NodeCount;
        var m = network.ArcCount;
        var tails = network.Tails();
        long supplyTotal = 0;
        long positive = 0;
        foreach (var s in network.Supply)
        {
            supplyTotal += s;
            positive += Math.Max(s, 0);
        }

        if (supplyTotal != 0)
        {
            return FlowSolution.Infeasible("reference", $"supplies sum to {supplyTotal}, not 0");
        }

        // Edges 2i (forward) and 2i+1 (backward) of arc i, then the super source n and super sink n + 1.
        var from = new List<int>();
        var to = new List<int>();
        var room = new List<long>();
        var cost = new List<long>();
        void Add(int u, int v, long capacity, long c)
        {
            from.Add(u);
            to.Add(v);
            room.Add(capacity);
            cost.Add(c);
            from.Add(v);
            to.Add(u);
            room.Add(0);
            cost.Add(-c);
        }

        for (var a = 0; a < m; a++)
        {
            Add(tails[a], network.Head[a], network.Capacity[a], network.Cost[a]);
        }

        for (var v = 0; v < n; v++)
        {
            if (network.Supply[v] > 0)
            {
                Add(n, v, network.Supply[v], 0);
            }
            else if (network.Supply[v] < 0)
            {
                Add(v, n + 1, -network.Supply[v], 0);
            }
        }

        long sent = 0;
        while (true)
        {
            var path = BreadthFirst(n + 2, from, to, room, n, n + 1);
            if (path is null)
            {
                break;
            }

            var delta = path.Min(e => room[e]);
            foreach (var e in path)
            {
                room[e] -= delta;
                room[e ^ 1] += delta;
            }

            sent += delta;
        }

        if (sent != positive)
        {
            return FlowSolution.Infeasible("reference", $"only {sent} of {positive} units of supply can reach the demands");
        }

        var realEdges = 2 * m;
        long[] distance;
        while (true)
        {
            var cycle = NegativeCycle(n, realEdges, from, to, room, cost, out distance);
            if (cycle is null)
            {
                break;
            }

            var delta = cycle.Min(e => room[e]);
            foreach (var e in cycle)
            {
                room[e] -= delta;
                room[e ^ 1] += delta;
            }
        }

        var flow = new int[m];
        long objective = 0;
        for (var a = 0; a < m; a++)
        {
            flow[a] = checked((int)room[(2 * a) + 1]);
            objective += (long)flow[a] * network.Cost[a];
        }

        return new FlowSolution(FlowStatus.Optimal, objective, flow, distance, "reference", null);
    }

    private static List<int>? BreadthFirst(int nodes, List<int> from, List<int> to, List<long> room, int source, int sink)
    {
        var viaEdge = new int[nodes];
        Array.Fill(viaEdge, -1);
        var seen = new bool[nodes];
        seen[source] = true;
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            for (var e = 0; e < from.Count; e++)
            {
                if (from[e] == u && room[e] > 0 && !seen[to[e]])
                {
                    seen[to[e]] = true;
                    viaEdge[to[e]] = e;
                    queue.Enqueue(to[e]);
                }
            }
        }

        if (!seen[sink])
        {
            return null;
        }

        var path = new List<int>();
        for (var v = sink; v != source; v = from[viaEdge[v]])
        {
            path.Add(viaEdge[v]);
        }

        return path;
    }

    private static List<int>? NegativeCycle(int n, int edges, List<int> from, List<int> to, List<long> room, List<long> cost, out long[] distance)
    {
        distance = new long[n];
        var viaEdge = new int[n];
        Array.Fill(viaEdge, -1);
        var last = -1;
        for (var round = 0; round < n; round++)
        {
            last = -1;
            for (var e = 0; e < edges; e++)
            {
                if (room[e] > 0 && distance[from[e]] + cost[e] < distance[to[e]])
                {
                    distance[to[e]] = distance[from[e]] + cost[e];
                    viaEdge[to[e]] = e;
                    last = to[e];
                }
            }

            if (last < 0)
            {
                return null;
            }
        }

        // Still improving after n rounds: walking back n edges from the last improved node lands on a cycle.
        var v = last;
        for (var i = 0; i < n; i++)
        {
            v = from[viaEdge[v]];
        }

        var cycle = new List<int>();
        var u = v;
        do
        {
            cycle.Add(viaEdge[u]);
            u = from[viaEdge[u]];
        }
        while (u != v);
        return cycle;
    }
}
