namespace Workbridge.Core.Matching;

/// <summary>
/// Exact min-cost flow for placement networks (<see cref="PlacementShape"/>): push-relabel on prices (Goldberg and
/// Tarjan's cost scaling, in the auction-like form of Goldberg and Kennedy's assignment code) specialised to people
/// who each send one unit, orders that hold up to their seats, and one sink.
/// <para>
/// Costs are multiplied by k = nodes + 1 and prices (node potentials φ) are kept ε-optimal: every residual arc has
/// reduced cost k·c + φ(tail) − φ(head) ≥ −ε. With ε = 1 (1/(nodes + 1) in the original units) an ε-optimal flow is
/// optimal for the integer costs. A person's step is an auction bid: one scan of its arcs finds the best and
/// second-best value φ(head) − k·c, the person moves to the best and its own price drops to the second best − ε
/// (a short list of its best four arcs, CSA's k-best idea, spares most rescans). An order holding more people than it
/// passes to the sink fills a free seat or evicts the holder whose arc has become most negative (a max-heap of holders
/// per order), and its price falls as far as ε-optimality allows. The sink never receives more than its demand (see
/// the schedule), so it never pushes back.
/// </para>
/// <para>
/// Schedule: one phase at ε = 1 from zero prices first, which is exact by itself and on realistic instances costs
/// about four bids per person; if its bids look at <see cref="WorkBudgetPerArc"/> times as many arcs as there are (a
/// price war among tied orders), ε-scaling takes over from its state: ε starts at k·max|c| / <see cref="Alpha"/> and shrinks by
/// <see cref="Alpha"/> per phase; if the phases too spend their budget (<see cref="ScalingWorkPerArc"/>), the solver
/// gives up and the general solver takes the network. A phase keeps each person whose held arc is still within 2ε of its best and every
/// order's price; orders whose people left drop their sink flow rather than wait for new people, so a phase never
/// has to pull units back through the sink.
/// </para>
/// <para>
/// Exact integer potentials are then derived from the 1-optimal scaled prices by one Dijkstra pass over the residual
/// graph with lengths k·c + φ(u) − φ(v) + 1 (never negative): a path has fewer than k arcs, so ⌊distance / k⌋ is the
/// exact shortest-path distance in the original costs, and those distances satisfy every reduced-cost condition
/// <see cref="FlowCertificate"/> checks. If the flow were not optimal, no such potentials would exist and the check
/// would fail.
/// </para>
/// <para>
/// Memory: the network's own arrays (12 bytes per arc) and about 100 bytes per node; no copy of the arcs. Determinism:
/// people are processed first-in first-out starting in node order; among equally good arcs a person takes the
/// lowest-numbered one it saw at its last full scan (a full scan sees them all); an order evicts, among equal keys, the
/// holder with the highest node number; an order with a free seat fills it before evicting anyone at equal value. The
/// budget is a count of arcs looked at, not a time, so the same input always takes the same path.
/// </para>
/// </summary>
public sealed class PlacementSolver
{
    /// <summary>The factor ε shrinks by per phase.</summary>
    public const int Alpha = 8;

    /// <summary>
    /// How many times over the arcs the bids of the single ε = 1 phase may look before scaling takes over. Measured:
    /// 3.5 on the 100k × 10k × 50 instance, 33 on 50k × 20k × 30 (more seats than people, long chains of ties).
    /// </summary>
    public const int WorkBudgetPerArc = 40;

    /// <summary>
    /// How many times over the arcs the scaling phases together may look before the solver gives up (and
    /// <see cref="MinCostFlow.Solve"/> uses the general solver). Written for 20,000 people all tied on 5 of 50 orders:
    /// LEMON and the general solver take 0.07 s, the scaling phases did not finish in 10 minutes.
    /// </summary>
    public const int ScalingWorkPerArc = 200;

    private readonly FlowNetwork _network;
    private readonly PlacementShape _shape;
    private readonly int[] _first;
    private readonly int[] _head;
    private readonly int[] _capacity;
    private readonly int[] _cost;
    private readonly int _sink;
    private readonly long _k;
    private readonly int[] _people;
    private readonly int[] _orders;

    private const int ListLength = 4;

    private readonly long[] _price;
    private readonly int[] _list;          // person: its best few arcs at its last full scan (CSA's k-best lists)
    private readonly byte[] _listSize;     // person: how many of them are valid; 0 forces a full scan
    private readonly long[] _bound;        // person: the best value among arcs off the list at that scan
    private readonly long[] _holdKey;      // person: φ(p) + k·c of the arc it holds (the key its holder's heap orders by)
    private readonly int[] _held;          // person: the arc carrying its unit, or -1
    private readonly int[] _sinkFlow;      // order: units on its arc to the sink
    private readonly int[] _heapStart;     // order: start of its holders' heap in _heap
    private readonly int[] _heapCount;     // order: people it holds
    private readonly int[] _heap;
    private readonly int[] _direct;        // the sink's heap of people sent straight to it
    private int _directCount;
    private long _sinkExcess;              // units reaching the sink minus its demand; never above 0
    private readonly int[] _queue;
    private int _queueHead;
    private int _queueCount;
    private readonly Stack<int> _pendingOrders = new();
    private long _epsilon;

    private string Algorithm { get; set; } = "placement-auction";
    private long _bids;
    private long _work;                    // arcs looked at by bids: the single phase's budget is counted in these

    private PlacementSolver(FlowNetwork network, PlacementShape shape)
    {
        _network = network;
        _shape = shape;
        _first = network.FirstArc;
        _head = network.Head;
        _capacity = network.Capacity;
        _cost = network.Cost;
        _sink = shape.Sink;
        _k = (long)network.NodeCount + 1;
        var n = network.NodeCount;
        _people = new int[shape.People];
        _orders = new int[shape.Orders];
        var (p, o) = (0, 0);
        for (var v = 0; v < n; v++)
        {
            if (shape.Roles[v] == PlacementRole.Person)
            {
                _people[p++] = v;
            }
            else if (shape.Roles[v] == PlacementRole.Order)
            {
                _orders[o++] = v;
            }
        }

        _price = new long[n];
        _list = new int[checked(n * ListLength)];
        _listSize = new byte[n];
        _bound = new long[n];
        _holdKey = new long[n];
        _held = new int[n];
        _sinkFlow = new int[n];
        _heapStart = new int[n];
        _heapCount = new int[n];

        // An order never holds more than seats + 1 people, nor more than the arcs that reach it.
        var reaching = new int[n];
        foreach (var person in _people)
        {
            for (var a = _first[person]; a < _first[person + 1]; a++)
            {
                reaching[_head[a]]++;
            }
        }

        long slots = 0;
        foreach (var order in _orders)
        {
            _heapStart[order] = checked((int)slots);
            slots += Math.Min((long)_capacity[_first[order]] + 1, reaching[order]);
        }

        _heap = new int[checked((int)slots)];
        Array.Fill(_held, -1);
        _direct = new int[shape.People];
        _queue = new int[shape.People];
    }

    /// <summary>
    /// Solves a placement network; <paramref name="shape"/> must come from <see cref="PlacementShape.Detect"/> on it.
    /// The answer is a claim until <see cref="FlowCertificate.Verify"/> accepts it (<see cref="MinCostFlow.Solve"/>
    /// does both). <paramref name="workBudgetPerArc"/> 0 skips the single phase and scales from the start. Null when
    /// the scaling phases too spent their budget (<see cref="ScalingWorkPerArc"/>): ties so dense that every bid moves
    /// prices by ε, where the general solver's shortest paths do better.
    /// </summary>
    public static FlowSolution? Solve(FlowNetwork network, PlacementShape shape, IProgress<string>? progress = null, int workBudgetPerArc = WorkBudgetPerArc)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(shape);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var solver = new PlacementSolver(network, shape);
        if (!solver.Run(progress, clock, workBudgetPerArc))
        {
            return null;
        }

        var solution = solver.Solution();
        progress?.Report($"exact potentials and flow at {clock.Elapsed.TotalSeconds:F3} s");
        return solution;
    }

    private bool Run(IProgress<string>? progress, System.Diagnostics.Stopwatch clock, int workBudgetPerArc)
    {
        // First the optimistic single phase at ε = 1 from zero prices (a plain auction, exact on its own), with a
        // budget of work; if ties make it a price war, the ε-scaling phases take over from where it stopped (its
        // pseudoflow is 1-optimal, hence ε-optimal for every larger ε).
        var budget = workBudgetPerArc * ((long)_network.ArcCount + 100);
        if (Refine(1, budget))
        {
            Algorithm = "placement-auction";
            progress?.Report($"single phase (ε = 1) done at {clock.Elapsed.TotalSeconds:F3} s, {_bids:N0} bids looking at {_work:N0} arcs");
            return true;
        }

        Algorithm = "placement-cost-scaling";
        progress?.Report($"single phase stopped after {_bids:N0} bids looking at {_work:N0} arcs at {clock.Elapsed.TotalSeconds:F3} s; scaling from ε = k·max|c|");
        var epsilon = Math.Max(1, checked(_k * _shape.MaxAbsCost));
        var scalingBudget = _work + (ScalingWorkPerArc * ((long)_network.ArcCount + 100));
        var phase = 0;
        do
        {
            epsilon = Math.Max(1, epsilon / Alpha);
            phase++;
            _bids = 0;
            if (!Refine(epsilon, scalingBudget))
            {
                progress?.Report($"phase {phase} (ε = {epsilon:N0}) stopped: the scaling budget of {scalingBudget:N0} arcs is spent");
                return false;
            }

            progress?.Report($"phase {phase} (ε = {epsilon:N0}) done at {clock.Elapsed.TotalSeconds:F3} s, {_bids:N0} bids");
        }
        while (epsilon > 1);
        return true;
    }

    /// <summary>
    /// Starts a phase from the previous one's flow without leaving any order short of people (a shortfall would
    /// have to come back through the sink, one unit at a time). A person whose held arc is still within 2ε of its
    /// best alternative keeps it, its price moving to that alternative − ε; the others are unplaced and queued. An
    /// order's sink flow then drops to the people it kept; where its sink arc would break ε-optimality with room
    /// left, its price rises to the sink's level − ε, which can make kept people elsewhere prefer it, so the check
    /// repeats until nothing changes. An order whose sink arc became too dear passes nothing (its people become
    /// its excess, discharged as usual).
    /// </summary>
    /// <returns>False if the phase stopped after its bids looked at <paramref name="budget"/> arcs, people still unplaced.</returns>
    private bool Refine(long epsilon, long budget)
    {
        _epsilon = epsilon;
        Array.Clear(_listSize); // prices may rise at the start of a phase: short lists are rebuilt by full scans
        _directCount = 0;
        _queueHead = 0;
        _queueCount = 0;
        var k = _k;
        foreach (var person in _people)
        {
            if (_held[person] < 0)
            {
                Enqueue(person);
            }
        }

        // Ends: an order's price rises at most once per phase (afterwards its sink arc sits at exactly −ε).
        bool changed;
        do
        {
                changed = false;
            foreach (var order in _orders)
            {
                _heapCount[order] = 0;
            }

            foreach (var person in _people)
            {
                var held = _held[person];
                if (held < 0)
                {
                    continue;
                }

                var own = _price[_head[held]] - (k * _cost[held]);
                var other = _capacity[held] > 1 ? own : long.MinValue;
                for (var a = _first[person]; a < _first[person + 1]; a++)
                {
                    if (a != held)
                    {
                        other = Math.Max(other, unchecked(_price[_head[a]] - (k * _cost[a])));
                    }
                }

                if (other != long.MinValue && own < other - (2 * epsilon))
                {
                    _held[person] = -1;
                    Enqueue(person);
                    continue;
                }

                var price = other == long.MinValue ? own - epsilon : other - epsilon;
                _price[person] = price;
                _holdKey[person] = price + (k * _cost[held]);
                if (_head[held] != _sink)
                {
                    _heapCount[_head[held]]++;
                }
            }

            foreach (var order in _orders)
            {
                var arc = _first[order];
                _sinkFlow[order] = Math.Min(_sinkFlow[order], _heapCount[order]);
                var reduced = _price[order] - SinkKey(arc);
                if (_sinkFlow[order] < _capacity[arc] && reduced < -epsilon)
                {
                    _price[order] = SinkKey(arc) - epsilon;
                    changed = true;
                }
                else if (_sinkFlow[order] > 0 && reduced > epsilon)
                {
                    _sinkFlow[order] = 0;
                }
            }
        }
        while (changed);

        long sinkInflow = 0;
        foreach (var order in _orders)
        {
            _heapCount[order] = 0;
            sinkInflow += _sinkFlow[order];
        }

        foreach (var person in _people)
        {
            var held = _held[person];
            if (held < 0)
            {
                continue;
            }

            var to = _head[held];
            if (to == _sink)
            {
                HeapPush(_direct, 0, ref _directCount, person);
                sinkInflow++;
            }
            else
            {
                HeapPush(_heap, _heapStart[to], ref _heapCount[to], person);
            }
        }

        _sinkExcess = sinkInflow - _people.Length;
        foreach (var order in _orders)
        {
            if (_heapCount[order] > _sinkFlow[order])
            {
                _pendingOrders.Push(order);
            }
        }

        Settle();
        while (_queueCount > 0)
        {
            if (_work >= budget)
            {
                return false;
            }

            var person = _queue[_queueHead];
            _queueHead = _queueHead + 1 == _queue.Length ? 0 : _queueHead + 1;
            _queueCount--;
            Bid(person);
            Settle();
        }

        if (_sinkExcess != 0 || _pendingOrders.Count != 0)
        {
            throw new InvalidOperationException($"The placement solver ended a phase with {_sinkExcess} units unbalanced at the sink.");
        }

        return true;
    }

    private long SinkKey(int orderArc) => _price[_sink] - (_k * _cost[orderArc]);

    private void Enqueue(int person)
    {
        var at = _queueHead + _queueCount;
        _queue[at >= _queue.Length ? at - _queue.Length : at] = person;
        _queueCount++;
    }

    /// <summary>Moves an unplaced person's unit along its best arc and lowers its price to the second best − ε.</summary>
    private void Bid(int person)
    {
        _bids++;
        if (!ShortListBest(person, out var best, out var second, out var bestArc))
        {
            FullScan(person, out best, out second, out bestArc);
        }

        var cost = _cost;
        var head = _head;
        var k = _k;
        // The chosen arc is saturated by the push (capacity 1), so only the other arcs bound the new price; an arc
        // with capacity above 1 stays residual and bounds it too.
        var newPrice = second == long.MinValue || _capacity[bestArc] > 1 ? best - _epsilon : second - _epsilon;
        _price[person] = newPrice;
        _held[person] = bestArc;
        _holdKey[person] = newPrice + (k * cost[bestArc]);
        var to = head[bestArc];
        if (to == _sink)
        {
            HeapPush(_direct, 0, ref _directCount, person);
            _sinkExcess++;
        }
        else
        {
            HeapPush(_heap, _heapStart[to], ref _heapCount[to], person);
            if (_heapCount[to] > _sinkFlow[to])
            {
                _pendingOrders.Push(to);
            }
        }
    }

    /// <summary>
    /// Best and second-best value over a person's arcs from its short list: valid when the list's second best is
    /// still above the bound recorded at the last full scan, since values only fall within a phase (order and sink
    /// prices only decrease) and every arc off the list was at most the bound. Gives exactly what a full scan gives.
    /// </summary>
    private bool ShortListBest(int person, out long best, out long second, out int bestArc)
    {
        best = long.MinValue;
        second = long.MinValue;
        bestArc = -1;
        var size = _listSize[person];
        if (size == 0)
        {
            return false;
        }

        _work += size;
        var at = person * ListLength;
        for (var i = 0; i < size; i++)
        {
            var a = _list[at + i];
            var value = unchecked(_price[_head[a]] - (_k * _cost[a]));
            if (value > best || (value == best && a < bestArc))
            {
                second = best;
                best = value;
                bestArc = a;
            }
            else if (value > second)
            {
                second = value;
            }
        }

        return second >= _bound[person];
    }

    /// <summary>One pass over a person's arcs: best, second best, and the short list of the best few for later bids.</summary>
    private void FullScan(int person, out long best, out long second, out int bestArc)
    {
        Span<long> keys = stackalloc long[ListLength + 1];
        Span<int> arcs = stackalloc int[ListLength + 1];
        keys.Fill(long.MinValue);
        var price = _price;
        var head = _head;
        var cost = _cost;
        var k = _k;
        var end = _first[person + 1];
        _work += end - _first[person];
        var threshold = long.MinValue;
        var kept = 0;
        for (var a = _first[person]; a < end; a++)
        {
            // Cannot overflow: |k·c| and |φ| stay below 2^58 (PlacementShape.Detect bounds k²·max|c|).
            var value = unchecked(price[head[a]] - (k * cost[a]));
            if (value <= threshold && kept == ListLength + 1)
            {
                continue;
            }

            // Insert in decreasing value; equal values keep arc order (the earlier arc stays ahead).
            var i = Math.Min(kept, ListLength);
            while (i > 0 && keys[i - 1] < value)
            {
                if (i < ListLength + 1)
                {
                    keys[i] = keys[i - 1];
                    arcs[i] = arcs[i - 1];
                }

                i--;
            }

            if (i < ListLength + 1)
            {
                keys[i] = value;
                arcs[i] = a;
                kept = Math.Min(kept + 1, ListLength + 1);
            }

            threshold = kept == ListLength + 1 ? keys[ListLength] : long.MinValue;
        }

        best = keys[0];
        second = kept > 1 ? keys[1] : long.MinValue;
        bestArc = arcs[0];
        var size = Math.Min(kept, ListLength);
        var at = person * ListLength;
        for (var i = 0; i < size; i++)
        {
            _list[at + i] = arcs[i];
        }

        _listSize[person] = (byte)size;
        _bound[person] = kept == ListLength + 1 ? keys[ListLength] : long.MinValue;
    }

    private void Settle()
    {
        while (true)
        {
            if (_pendingOrders.Count > 0)
            {
                Discharge(_pendingOrders.Pop());
            }
            else if (_sinkExcess > 0)
            {
                // Cannot happen: no order starts a phase short of people, so the sink never gets more than its demand.
                throw new InvalidOperationException("The sink received more units than there are people.");
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>An order holding more people than it passes to the sink: fill a seat or evict a holder.</summary>
    private void Discharge(int order)
    {
        var arc = _first[order];
        var seats = _capacity[arc];
        var start = _heapStart[order];
        while (_heapCount[order] > _sinkFlow[order])
        {
            var sinkKey = _sinkFlow[order] < seats ? SinkKey(arc) : long.MinValue;
            var holderKey = _holdKey[_heap[start]];
            if (sinkKey >= holderKey)
            {
                if (sinkKey > _price[order])
                {
                    _sinkFlow[order]++;
                    _sinkExcess++;
                    if (_sinkFlow[order] == seats)
                    {
                        _price[order] = Math.Min(_price[order], holderKey - _epsilon);
                    }
                }
                else
                {
                    _price[order] = sinkKey - _epsilon;
                }
            }
            else if (holderKey > _price[order])
            {
                var evicted = HeapPop(_heap, start, ref _heapCount[order]);
                _held[evicted] = -1;
                Enqueue(evicted);
                var next = Math.Max(sinkKey, _heapCount[order] > 0 ? _holdKey[_heap[start]] : long.MinValue);
                _price[order] = Math.Min(_price[order], next - _epsilon);
            }
            else
            {
                _price[order] = holderKey - _epsilon;
            }
        }
    }

    // Max-heap of people by hold key; at equal keys the higher node number is on top (evicted first).
    private bool Above(int a, int b) => _holdKey[a] > _holdKey[b] || (_holdKey[a] == _holdKey[b] && a > b);

    private void HeapPush(int[] heap, int start, ref int count, int person)
    {
        var i = count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Above(person, heap[start + parent]))
            {
                break;
            }

            heap[start + i] = heap[start + parent];
            i = parent;
        }

        heap[start + i] = person;
    }

    private int HeapPop(int[] heap, int start, ref int count)
    {
        var top = heap[start];
        var last = heap[start + --count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && Above(heap[start + child + 1], heap[start + child]))
            {
                child++;
            }

            if (!Above(heap[start + child], last))
            {
                break;
            }

            heap[start + i] = heap[start + child];
            i = child;
        }

        if (count > 0)
        {
            heap[start + i] = last;
        }

        return top;
    }

    /// <summary>The flow and exact potentials; <see cref="MinCostFlow.Solve"/> checks them.</summary>
    private FlowSolution Solution()
    {
        var flow = new int[_network.ArcCount];
        foreach (var person in _people)
        {
            flow[_held[person]] = 1;
        }

        foreach (var order in _orders)
        {
            flow[_first[order]] = _sinkFlow[order];
        }

        return new FlowSolution(FlowStatus.Optimal, 0, flow, ExactPotentials(), Algorithm, null);
    }

    /// <summary>Shortest residual distances in the original costs, from the scaled 1-optimal prices (see the type's summary).</summary>
    private long[] ExactPotentials()
    {
        var n = _network.NodeCount;
        var top = long.MinValue;
        foreach (var p in _price)
        {
            top = Math.Max(top, p);
        }

        var distance = new long[n];
        for (var v = 0; v < n; v++)
        {
            distance[v] = top - _price[v] + 1;
        }

        var heap = new IndexedMinHeap(distance);
        while (heap.Count > 0)
        {
            var u = heap.Pop();
            var role = _shape.Roles[u];
            if (role == PlacementRole.Person)
            {
                // The hot loop (one pass over every arc): length k·c + φ(u) − φ(v) + 1, folded into one base.
                var held = _held[u];
                var from = distance[u] + _price[u] + 1;
                var price = _price;
                var head = _head;
                var cost = _cost;
                var k = _k;
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    var v = head[a];
                    var candidate = from + (k * cost[a]) - price[v];
                    if (candidate < distance[v] && (a != held || _capacity[a] > 1))
                    {
                        Relax(heap, distance, u, v, cost[a]);
                    }
                }
            }
            else if (role == PlacementRole.Order)
            {
                var arc = _first[u];
                if (_sinkFlow[u] < _capacity[arc])
                {
                    Relax(heap, distance, u, _sink, _cost[arc]);
                }

                for (var i = 0; i < _heapCount[u]; i++)
                {
                    var person = _heap[_heapStart[u] + i];
                    Relax(heap, distance, u, person, -(long)_cost[_held[person]]);
                }
            }
            else if (role == PlacementRole.Sink)
            {
                foreach (var order in _orders)
                {
                    if (_sinkFlow[order] > 0)
                    {
                        Relax(heap, distance, u, order, -(long)_cost[_first[order]]);
                    }
                }

                for (var i = 0; i < _directCount; i++)
                {
                    var person = _direct[i];
                    Relax(heap, distance, u, person, -(long)_cost[_held[person]]);
                }
            }
        }

        var potential = distance;
        for (var v = 0; v < n; v++)
        {
            potential[v] = FloorDivide(distance[v] - top + _price[v], _k);
        }

        return potential;
    }

    private void Relax(IndexedMinHeap heap, long[] distance, int u, int v, long cost)
    {
        var length = (_k * cost) + _price[u] - _price[v] + 1;
        if (length < 0)
        {
            // The prices are not 1-optimal: leave the distances as they are and let the certificate fail.
            length = 0;
        }

        var candidate = distance[u] + length;
        if (candidate < distance[v] && heap.Contains(v))
        {
            distance[v] = candidate;
            heap.Decreased(v);
        }
    }

    private static long FloorDivide(long a, long b) => (a / b) - (((a % b) != 0 && ((a < 0) != (b < 0))) ? 1 : 0);
}
