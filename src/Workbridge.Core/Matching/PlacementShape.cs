namespace Workbridge.Core.Matching;

/// <summary>The part a node plays in a placement network.</summary>
public enum PlacementRole : byte
{
    /// <summary>A node with no arcs and no supply.</summary>
    Unused,

    /// <summary>Supply 1; arcs to orders and at least one to the sink ("not placed").</summary>
    Person,

    /// <summary>Supply 0; one arc, to the sink, whose capacity (at least 1) is the order's seats.</summary>
    Order,

    /// <summary>The one node with demand: minus the number of people.</summary>
    Sink,
}

/// <summary>
/// Recognises a placement network, the shape Workbridge writes (and LEMON's anchor reads): people with supply 1,
/// orders, and one sink whose demand is the number of people; person → order arcs (capacity ≥ 1), order → sink arcs
/// (capacity = seats ≥ 1, one per order), and at least one person → sink arc per person, so a flow always exists.
/// Costs may be anything that keeps the scaled prices inside 64 bits (see <see cref="PlacementSolver"/>).
/// </summary>
public sealed class PlacementShape
{
    private PlacementShape(PlacementRole[] roles, int sink, int people, int orders, long maxAbsCost)
    {
        Roles = roles;
        Sink = sink;
        People = people;
        Orders = orders;
        MaxAbsCost = maxAbsCost;
    }

    public PlacementRole[] Roles { get; }

    public int Sink { get; }

    public int People { get; }

    public int Orders { get; }

    /// <summary>The largest |cost| on any arc, in the file's units.</summary>
    public long MaxAbsCost { get; }

    /// <summary>The shape of <paramref name="network"/>, or null with the first reason it is not a placement network.</summary>
    public static PlacementShape? Detect(FlowNetwork network, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(network);
        var n = network.NodeCount;
        var first = network.FirstArc;
        var head = network.Head;
        var sink = -1;
        for (var v = 0; v < n; v++)
        {
            if (network.Supply[v] < 0)
            {
                if (sink >= 0)
                {
                    whyNot = $"nodes {sink + 1} and {v + 1} both have demand (a placement network has one sink)";
                    return null;
                }

                sink = v;
            }
        }

        if (sink < 0 || first[sink + 1] != first[sink])
        {
            whyNot = sink < 0 ? "no node has demand" : $"the sink {sink + 1} has arcs leaving it";
            return null;
        }

        var roles = new PlacementRole[n];
        roles[sink] = PlacementRole.Sink;
        var people = 0;
        var orders = 0;
        for (var v = 0; v < n; v++)
        {
            if (v == sink)
            {
                continue;
            }

            var degree = first[v + 1] - first[v];
            var supply = network.Supply[v];
            if (supply == 1)
            {
                roles[v] = PlacementRole.Person;
                people++;
            }
            else if (supply != 0)
            {
                whyNot = $"node {v + 1} has supply {supply} (people have 1)";
                return null;
            }
            else if (degree == 1 && head[first[v]] == sink)
            {
                if (network.Capacity[first[v]] < 1)
                {
                    whyNot = $"order {v + 1} has no seats";
                    return null;
                }

                roles[v] = PlacementRole.Order;
                orders++;
            }
            else if (degree != 0)
            {
                whyNot = $"node {v + 1} has no supply and is not an order (one arc, to the sink)";
                return null;
            }
        }

        if (-(long)network.Supply[sink] != people)
        {
            whyNot = $"the sink's demand {-(long)network.Supply[sink]} is not the number of people {people}";
            return null;
        }

        long maxAbsCost = 0;
        for (var v = 0; v < n; v++)
        {
            var toSink = false;
            for (var a = first[v]; a < first[v + 1]; a++)
            {
                maxAbsCost = Math.Max(maxAbsCost, Math.Abs((long)network.Cost[a]));
                if (roles[v] != PlacementRole.Person)
                {
                    continue;
                }

                var role = roles[head[a]];
                if (role is not (PlacementRole.Order or PlacementRole.Sink) || network.Capacity[a] < 1)
                {
                    whyNot = $"person {v + 1} has an arc to node {head[a] + 1} that is not an order or the sink, or has no capacity";
                    return null;
                }

                toSink |= role == PlacementRole.Sink;
            }

            if (roles[v] == PlacementRole.Person && !toSink)
            {
                whyNot = $"person {v + 1} has no arc to the sink (no 'not placed' option)";
                return null;
            }
        }

        // Prices stay within about (nodes + 1)² × max |cost| (see PlacementSolver); keep that well inside 64 bits.
        var k = (double)n + 2;
        if (k * k * Math.Max(1, maxAbsCost) * 16 > long.MaxValue)
        {
            whyNot = "costs are too large for exact scaled prices in 64 bits";
            return null;
        }

        whyNot = null;
        return new PlacementShape(roles, sink, people, orders, maxAbsCost);
    }
}
