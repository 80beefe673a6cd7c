namespace Workbridge.Core.Matching;

/// <summary>
/// Synthetic placement networks with the structure real ones have, for benchmarks and comparisons with LEMON:
/// regions of very different sizes (Zipf-like, as Russia's federal subjects), each order local to one region except
/// the remote ones open to everyone, seats skewed (most orders 1–3 seats, a few dozens), popularity skewed (some orders
/// are eligible for many more people), and scores built from a few coarse parts so that ties are everywhere.
/// Layout (DESIGN.md section 5): people are nodes 0..P-1 with supply 1, orders P..P+O-1, the sink P+O with demand P;
/// each person's arcs go to its eligible orders in increasing order (capacity 1, cost −score, score 0..100), then to
/// the sink (capacity 1, cost 0, "not placed"); each order has one arc to the sink (capacity = seats, cost 0).
/// The same parameters give the same network on any machine (own SplitMix64 generator, no floating-point sums
/// carried between elements).
/// </summary>
public static class PlacementInstanceGenerator
{
    /// <summary>What to generate: people, orders, mean eligible orders per person, and the seed.</summary>
    public sealed record Parameters(int People, int Orders, int Degree, ulong Seed)
    {
        /// <summary>Share of orders open to every region (remote work).</summary>
        public double RemoteShare { get; init; } = 0.08;

        /// <summary>Number of regions.</summary>
        public int Regions { get; init; } = 85;
    }

    public static FlowNetwork Generate(Parameters parameters, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var (people, orders, degree) = (parameters.People, parameters.Orders, parameters.Degree);
        if (people < 1 || orders < 1 || degree < 1 || (long)people + orders + 1 > int.MaxValue)
        {
            throw new ArgumentException("People, orders and degree must be at least 1.");
        }

        var random = new SplitMix64(parameters.Seed);
        var regions = Math.Max(1, Math.Min(parameters.Regions, orders));

        // Region sizes ~ 1/rank^0.9, shuffled so region 0 is not always the largest.
        var regionWeight = new double[regions];
        for (var r = 0; r < regions; r++)
        {
            regionWeight[r] = 1.0 / Math.Pow(r + 1, 0.9);
        }

        Shuffle(regionWeight, ref random);
        var regionCumulative = Cumulative(regionWeight);

        // Orders: a region (or remote), seats, popularity.
        var orderRegion = new int[orders];
        var seats = new int[orders];
        var popularity = new double[orders];
        for (var o = 0; o < orders; o++)
        {
            orderRegion[o] = random.NextDouble() < parameters.RemoteShare ? -1 : Pick(regionCumulative, random.NextDouble());
            seats[o] = Math.Min(200, 1 + (int)(0.7 * Math.Pow(1 - random.NextDouble(), -0.75)));
            popularity[o] = Math.Pow(1 - random.NextDouble(), -0.6);
        }

        // Per region (and the remote pool) the orders in id order with cumulative popularity.
        var pools = new Pool[regions + 1];
        for (var r = 0; r <= regions; r++)
        {
            var members = Enumerable.Range(0, orders).Where(o => orderRegion[o] == (r == regions ? -1 : r)).ToArray();
            pools[r] = new Pool(members, Cumulative(members.Select(o => popularity[o]).ToArray()));
        }

        // Each person draws from its own stream (seed, person), so rows can be filled in parallel and still come out
        // the same. First pass: region and degree (between half and one and a half times the mean), for the offsets.
        var personRegion = new int[people];
        var first = new int[people + orders + 2];
        long arcs = 0;
        for (var p = 0; p < people; p++)
        {
            var own = PersonStream(parameters.Seed, p);
            var (region, wanted) = RegionAndDegree(ref own, regionCumulative, pools, regions, degree);
            personRegion[p] = region;
            first[p] = checked((int)arcs);
            arcs += wanted + 1;
        }

        for (var o = 0; o < orders; o++)
        {
            first[people + o] = checked((int)arcs);
            arcs++;
        }

        first[people + orders] = checked((int)arcs);
        first[people + orders + 1] = checked((int)arcs);
        var total = checked((int)arcs);
        var head = GC.AllocateUninitializedArray<int>(total);
        var capacity = GC.AllocateUninitializedArray<int>(total);
        var cost = GC.AllocateUninitializedArray<int>(total);
        var supply = new int[people + orders + 1];
        var sink = people + orders;
        const int Chunk = 1 << 14;
        var done = 0;
        Parallel.For(0, (people + Chunk - 1) / Chunk, chunk =>
        {
            var seen = new int[orders];
            Array.Fill(seen, -1);
            var row = new int[(degree * 3 / 2) + 2];
            var end = Math.Min(people, (chunk + 1) * Chunk);
            for (var p = chunk * Chunk; p < end; p++)
            {
                var own = PersonStream(parameters.Seed, p);
                var (region, wanted) = RegionAndDegree(ref own, regionCumulative, pools, regions, degree);
                var local = pools[region];
                var remote = pools[regions];
                var count = 0;
                for (var attempts = 0; count < wanted && attempts < wanted * 20; attempts++)
                {
                    // Three in four draws from the person's region, the rest remote; an empty pool falls to the other.
                    var pool = (own.Next(4) != 0 && local.Orders.Length > 0) || remote.Orders.Length == 0 ? local : remote;
                    var order = pool.Orders[Pick(pool.Cumulative, own.NextDouble())];
                    if (seen[order] != p)
                    {
                        seen[order] = p;
                        row[count++] = order;
                    }
                }

                Array.Sort(row, 0, count);
                var at = first[p];
                for (var i = 0; i < count; i++)
                {
                    head[at] = people + row[i];
                    capacity[at] = 1;
                    cost[at] = -Score(ref own);
                    at++;
                }

                // The not-placed arc; if too few distinct orders could be drawn (tiny pools), it fills the row's rest.
                for (; at < first[p + 1]; at++)
                {
                    head[at] = sink;
                    capacity[at] = 1;
                    cost[at] = 0;
                }

                supply[p] = 1;
            }

            progress?.Report((double)Interlocked.Add(ref done, end - (chunk * Chunk)) / people);
        });

        for (var o = 0; o < orders; o++)
        {
            var arc = first[people + o];
            head[arc] = sink;
            capacity[arc] = seats[o];
            cost[arc] = 0;
        }

        supply[sink] = -people;
        var firstArc = first.AsSpan(0, people + orders + 2).ToArray();
        return new FlowNetwork(firstArc, head, capacity, cost, supply);
    }

    /// <summary>0..100 from coarse parts: occupation fit, training, time to release, preference, wage (one draw).</summary>
    private static int Score(ref SplitMix64 random)
    {
        var bits = random.NextULong();
        var fit = Part(bits, 0, 10) switch { 0 or 1 or 2 => 0, 3 or 4 or 5 => 10, 6 or 7 => 20, 8 => 30, _ => 40 };
        var training = Part(bits, 12, 3) == 0 ? 10 : 0;
        var release = 5 * Part(bits, 24, 3);
        var preference = 5 * Part(bits, 36, 4);
        var wage = 5 * Part(bits, 48, 3);
        return fit + training + release + preference + wage;
    }

    /// <summary>A value in 0..bound-1 from 12 bits of <paramref name="bits"/> (multiply and shift, no division).</summary>
    private static int Part(ulong bits, int shift, int bound) => (int)((((bits >> shift) & 0xFFF) * (ulong)bound) >> 12);

    private static SplitMix64 PersonStream(ulong seed, int person)
    {
        var stream = new SplitMix64(unchecked(seed ^ (0x9E3779B97F4A7C15UL * ((ulong)person + 1))));
        stream.NextULong();
        return stream;
    }

    private static (int Region, int Degree) RegionAndDegree(ref SplitMix64 random, double[] regionCumulative, Pool[] pools, int regions, int degree)
    {
        var region = Pick(regionCumulative, random.NextDouble());
        var available = pools[region].Orders.Length + pools[regions].Orders.Length;
        return (region, Math.Min(available, Math.Max(1, (degree / 2) + random.Next(degree + 1))));
    }

    private readonly record struct Pool(int[] Orders, double[] Cumulative);

    private static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }

    private static int Pick(double[] cumulative, double u)
    {
        var index = Array.BinarySearch(cumulative, u);
        index = index < 0 ? ~index : index;
        return Math.Min(index, cumulative.Length - 1);
    }

    private static void Shuffle(double[] values, ref SplitMix64 random)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood): tiny, fast, and the same sequence everywhere.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextULong()
        {
            unchecked
            {
                var z = _state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

        public int Next(int bound) => (int)(((NextULong() >> 32) * (ulong)bound) >> 32);
    }
}
