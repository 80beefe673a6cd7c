namespace Workbridge.Core.Matching;

/// <summary>
/// A min-cost-flow network with zero lower bounds, arcs stored by tail (compressed sparse rows): the arcs leaving node
/// v are <c>FirstArc[v] .. FirstArc[v + 1] - 1</c>, in the order they were given. Nodes are 0-based here and 1-based
/// in DIMACS files. Per arc: <see cref="Head"/>, <see cref="Capacity"/> (units, 0 or more) and <see cref="Cost"/>
/// (per unit, any sign); per node: <see cref="Supply"/> (positive: units that leave; negative: units that must
/// arrive). A feasible flow meets every supply exactly. Twelve bytes per arc; nothing is stored twice.
/// </summary>
public sealed class FlowNetwork
{
    public FlowNetwork(int[] firstArc, int[] head, int[] capacity, int[] cost, int[] supply, int[]? fileOrder = null)
    {
        ArgumentNullException.ThrowIfNull(firstArc);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(capacity);
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(supply);
        if (firstArc.Length != supply.Length + 1 || firstArc[0] != 0 || firstArc[^1] != head.Length ||
            capacity.Length != head.Length || cost.Length != head.Length || (fileOrder is not null && fileOrder.Length != head.Length))
        {
            throw new ArgumentException("Arc and node arrays do not agree in length.");
        }

        for (var v = 0; v < supply.Length; v++)
        {
            if (firstArc[v + 1] < firstArc[v])
            {
                throw new ArgumentException($"Arc rows must not overlap: node {v} starts at {firstArc[v]}, node {v + 1} at {firstArc[v + 1]}.");
            }
        }

        foreach (var h in head)
        {
            if (h < 0 || h >= supply.Length)
            {
                throw new ArgumentException($"An arc ends at node {h}, outside 0..{supply.Length - 1}.");
            }
        }

        FirstArc = firstArc;
        Head = head;
        Capacity = capacity;
        Cost = cost;
        Supply = supply;
        FileOrder = fileOrder;
    }

    /// <summary>Number of nodes (0-based ids 0 .. NodeCount - 1).</summary>
    public int NodeCount => Supply.Length;

    /// <summary>Number of arcs.</summary>
    public int ArcCount => Head.Length;

    /// <summary>Start of each node's arcs; NodeCount + 1 entries, nondecreasing, the last equal to ArcCount.</summary>
    public int[] FirstArc { get; }

    public int[] Head { get; }

    /// <summary>Upper bound of each arc, in units; never negative (the readers refuse it).</summary>
    public int[] Capacity { get; }

    /// <summary>Cost of one unit on each arc.</summary>
    public int[] Cost { get; }

    /// <summary>Supply of each node in units (negative: demand).</summary>
    public int[] Supply { get; }

    /// <summary>For a network read from a file: the 0-based position of each arc among the file's arc lines.</summary>
    public int[]? FileOrder { get; }

    /// <summary>The tail of every arc (one pass over <see cref="FirstArc"/>); for writers and checks, not hot loops.</summary>
    public int[] Tails()
    {
        var tails = new int[ArcCount];
        for (var v = 0; v < NodeCount; v++)
        {
            Array.Fill(tails, v, FirstArc[v], FirstArc[v + 1] - FirstArc[v]);
        }

        return tails;
    }

    /// <summary>
    /// Builds the rows from arcs given in any order; arcs of one tail keep their given order (a stable counting sort),
    /// and <see cref="FileOrder"/> records where each came from.
    /// </summary>
    public static FlowNetwork FromArcList(int nodeCount, ReadOnlySpan<int> tail, ReadOnlySpan<int> head, ReadOnlySpan<int> capacity, ReadOnlySpan<int> cost, int[] supply)
    {
        var arcs = tail.Length;
        var first = new int[nodeCount + 1];
        foreach (var t in tail)
        {
            first[t + 1]++;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            first[v + 1] += first[v];
        }

        var next = first.AsSpan(0, nodeCount).ToArray();
        var heads = new int[arcs];
        var caps = new int[arcs];
        var costs = new int[arcs];
        var order = new int[arcs];
        for (var i = 0; i < arcs; i++)
        {
            var at = next[tail[i]]++;
            heads[at] = head[i];
            caps[at] = capacity[i];
            costs[at] = cost[i];
            order[at] = i;
        }

        return new FlowNetwork(first, heads, caps, costs, supply, order);
    }
}
