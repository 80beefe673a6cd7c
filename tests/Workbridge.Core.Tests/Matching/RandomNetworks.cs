using Workbridge.Core.Matching;

namespace Workbridge.Core.Tests.Matching;

/// <summary>Small random networks for comparing solvers, each fully determined by its seed.</summary>
internal static class RandomNetworks
{
    /// <summary>
    /// A placement network in the layout of DESIGN.md section 5: people 1..P, orders, the sink last; person → order
    /// arcs with cost −score (scores from a few values, so ties are common), order → sink with seats, person → sink;
    /// now and then an arc of capacity 2, a parallel arc, a second or a costly "not placed" arc.
    /// </summary>
    public static FlowNetwork Placement(int seed)
    {
        var random = new Random(seed);
        var people = random.Next(1, 8);
        var orders = random.Next(1, 5);
        var sink = people + orders;
        var arcs = new List<(int From, int To, int Capacity, int Cost)>();
        var supply = new int[sink + 1];
        for (var p = 0; p < people; p++)
        {
            supply[p] = 1;
            var sinkFirst = random.Next(4) == 0;
            if (sinkFirst)
            {
                arcs.Add((p, sink, 1, random.Next(3) == 0 ? -random.Next(0, 3) : 0));
            }

            for (var o = 0; o < orders; o++)
            {
                if (random.Next(3) > 0)
                {
                    arcs.Add((p, people + o, random.Next(6) == 0 ? 2 : 1, -random.Next(0, 5) * (random.Next(4) == 0 ? 3 : 1)));
                }

                if (random.Next(12) == 0)
                {
                    // A parallel arc to the same order at another score.
                    arcs.Add((p, people + o, 1, -random.Next(0, 5)));
                }
            }

            if (!sinkFirst || random.Next(8) == 0)
            {
                arcs.Add((p, sink, 1, random.Next(8) == 0 ? 1 : 0));
            }
        }

        for (var o = 0; o < orders; o++)
        {
            arcs.Add((people + o, sink, random.Next(1, 4), random.Next(4) == 0 ? random.Next(-2, 3) : 0));
        }

        supply[sink] = -people;
        return Build(sink + 1, arcs, supply);
    }

    /// <summary>Any small network: random arcs (parallel arcs, loops, cycles of negative cost), random balanced supplies.</summary>
    public static FlowNetwork General(int seed)
    {
        var random = new Random(seed);
        var nodes = random.Next(2, 8);
        var arcs = new List<(int From, int To, int Capacity, int Cost)>();
        var count = random.Next(0, nodes * 3);
        for (var i = 0; i < count; i++)
        {
            arcs.Add((random.Next(nodes), random.Next(nodes), random.Next(0, 5), random.Next(-6, 7)));
        }

        var supply = new int[nodes];
        for (var i = 0; i < random.Next(0, 4); i++)
        {
            var amount = random.Next(1, 4);
            supply[random.Next(nodes)] += amount;
            supply[random.Next(nodes)] -= amount;
        }

        return Build(nodes, arcs, supply);
    }

    public static FlowNetwork Build(int nodes, List<(int From, int To, int Capacity, int Cost)> arcs, int[] supply) =>
        FlowNetwork.FromArcList(
            nodes,
            arcs.Select(a => a.From).ToArray(),
            arcs.Select(a => a.To).ToArray(),
            arcs.Select(a => a.Capacity).ToArray(),
            arcs.Select(a => a.Cost).ToArray(),
            supply);
}
