namespace Workbridge.Core.Matching;

/// <summary>
/// Exact min-cost flow for placement networks (<see cref="PlacementShape"/>): cost-scaling push-relabel (Goldberg and
/// Tarjan's method, in the form Goldberg and Kennedy's assignment code uses) specialised to people who each send one
/// unit, orders that hold up to their seats, and one sink.
/// <para>
/// Costs are multiplied by k = nodes + 1 and prices (node potentials φ) are kept ε-optimal: every residual arc has
/// reduced cost k·c + φ(tail) − φ(head) ≥ −ε. Each phase divides ε by <see cref="Alpha"/>, unplaces everyone and
/// keeps the orders' prices and sink flows, then pushes until every person is placed again. A person's step is an
/// auction bid: one scan of its arcs finds the best and second-best value φ(head) − k·c, it moves to the best and
/// its own price drops to the second best − ε; an order that receives more people than it passes on evicts the holder
/// whose arc has become most negative (a max-heap of holders per order) or fills a seat, and its price falls as far as
/// ε-optimality allows. The sink pushes back only in the rare case where a phase leaves it more units than people,
/// to the order or unplaced person whose arc is most negative. The last phase has ε = 1, i.e. 1/(nodes + 1) in the
/// original units, so the flow is optimal for the integer costs.
/// </para>
/// <para>
/// Exact integer potentials are then derived from the scaled prices by one Dijkstra pass over the residual graph
/// with lengths k·c + φ(u) − φ(v) + 1 (never negative): a path of fewer than k arcs adds less than k, so
/// ⌊distance / k⌋ is the exact shortest-path distance in the original costs, which satisfies every reduced-cost
/// condition <see cref="FlowCertificate"/> checks.
/// </para>
/// <para>
/// Memory: the network's own arrays (12 bytes per arc) plus, per node, a price, a held arc and a heap slot; no copy of
/// the arcs. Determinism: people are processed first-in first-out starting in node order; a person's ties go to its
/// lowest-numbered arc (its first in the file); an order's eviction ties go to the highest node number (the lower
/// number keeps the seat); an order with a free seat fills it before evicting anyone at equal value.
/// </para>
/// </summary>
public sealed class PlacementSolver
{
    /// <summary>The factor ε shrinks by per phase.</summary>
    public const int Alpha = 8;

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

    private readonly long[] _price;
    private readonly long[] _holdKey;      // person: φ(p) + k·c of the arc it holds (the key its holder's heap orders by)
    private readonly int[] _held;          // person: the arc carrying its unit, or -1
    private readonly int[] _sinkFlow;      // order: units on its arc to the sink
    private readonly int[] _heapStart;     // order: start of its holders' heap in _heap
    private readonly int[] _heapCount;     // order: people it holds
    private readonly int[] _heap;
    private readonly int[] _direct;        // the sink's heap of people sent straight to it
    private int _directCount;
    private long _sinkExcess;              // units reaching the sink minus its demand; above 0 the sink must push back
    private readonly PriorityQueue<int, long> _sinkOrders = new(); // orders with sink flow, by -(φ(o) + k·c(o→t)), lazily
    private readonly int[] _queue;
    private int _queueHead;
    private int _queueCount;
    private readonly Stack<int> _pendingOrders = new();
    private long _epsilon;

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
        _direct = new int[shape.People];
        _queue = new int[shape.People];
    }

    /// <summary>Solves a placement network; <paramref name="shape"/> must come from <see cref="PlacementShape.Detect"/> on it.</summary>
    public static FlowSolution Solve(FlowNetwork network, PlacementShape shape, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(shape);
        var solver = new PlacementSolver(network, shape);
        solver.Run(progress);
        return solver.Certificate();
    }

    private void Run(IProgress<string>? progress)
    {
        var epsilon = Math.Max(1, checked(_k * _shape.MaxAbsCost));
        var phase = 0;
        do
        {
            epsilon = Math.Max(1, epsilon / Alpha);
            phase++;
            Refine(epsilon);
            progress?.Report($"phase {phase}, ε = {epsilon:N0}");
        }
        while (epsilon > 1);
    }

    private void Refine(long epsilon)
    {
        _epsilon = epsilon;
        _sinkOrders.Clear();
        long sinkInflow = 0;
        foreach (var order in _orders)
        {
            // Keep the order's sink flow (its seats stay taken at its price) and move only its price, by at most what
            // makes its sink arc ε-optimal again; no person arc carries flow yet, so nothing else constrains it.
            var arc = _first[order];
            var sinkKey = SinkKey(arc);
            var reduced = _price[order] - sinkKey;
            if (_sinkFlow[order] < _capacity[arc] && reduced < -epsilon)
            {
                _price[order] = sinkKey - epsilon;
            }
            else if (_sinkFlow[order] > 0 && reduced > epsilon)
            {
                _price[order] = sinkKey + epsilon;
            }

            _heapCount[order] = 0;
            sinkInflow += _sinkFlow[order];
            if (_sinkFlow[order] > 0)
            {
                _sinkOrders.Enqueue(order, -(_price[order] + (_k * _cost[arc])));
            }
        }

        _sinkExcess = sinkInflow - _people.Length;
        _directCount = 0;
        _queueHead = 0;
        _queueCount = 0;
        foreach (var person in _people)
        {
            _held[person] = -1;
            Enqueue(person);
        }

        while (_queueCount > 0)
        {
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
        var best = long.MinValue;
        var second = long.MinValue;
        var bestArc = -1;
        var price = _price;
        var head = _head;
        var cost = _cost;
        var k = _k;
        var end = _first[person + 1];
        for (var a = _first[person]; a < end; a++)
        {
            // Cannot overflow: |k·c| and |φ| stay below 2^58 (PlacementShape.Detect bounds k²·max|c|).
            var value = unchecked(price[head[a]] - (k * cost[a]));
            if (value > best)
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
                DischargeSink();
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
                    if (_sinkFlow[order] == 1)
                    {
                        _sinkOrders.Enqueue(order, -(_price[order] + (_k * _cost[arc])));
                    }

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

    /// <summary>More units reached the sink than people exist: push one back to the most negative arc into the sink.</summary>
    private void DischargeSink()
    {
        var directKey = _directCount > 0 ? _holdKey[_direct[0]] : long.MinValue;
        var orderKey = long.MinValue;
        var order = -1;
        while (_sinkOrders.TryPeek(out var candidate, out var stored))
        {
            var arc = _first[candidate];
            if (_sinkFlow[candidate] == 0)
            {
                _sinkOrders.Dequeue();
                continue;
            }

            var key = _price[candidate] + (_k * _cost[arc]);
            if (-stored != key)
            {
                _sinkOrders.Dequeue();
                _sinkOrders.Enqueue(candidate, -key);
                continue;
            }

            orderKey = key;
            order = candidate;
            break;
        }

        var best = Math.Max(directKey, orderKey);
        if (best == long.MinValue)
        {
            throw new InvalidOperationException("The sink has excess but no arc to return it along.");
        }

        if (best <= _price[_sink])
        {
            _price[_sink] = best - _epsilon;
        }

        _sinkExcess--;
        if (directKey >= orderKey)
        {
            var person = HeapPop(_direct, 0, ref _directCount);
            _held[person] = -1;
            Enqueue(person);
        }
        else
        {
            _sinkFlow[order]--;
            if (_heapCount[order] > _sinkFlow[order])
            {
                _pendingOrders.Push(order);
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

    private FlowSolution Certificate()
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

        var potential = ExactPotentials();
        var report = FlowCertificate.Verify(_network, flow, potential);
        return report.Verified
            ? new FlowSolution(FlowStatus.Optimal, report.Objective, flow, potential, "placement-cost-scaling", null)
            : new FlowSolution(FlowStatus.Unverified, 0, flow, potential, "placement-cost-scaling", report.Problem);
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
                for (var a = _first[u]; a < _first[u + 1]; a++)
                {
                    if (a != _held[u] || _capacity[a] > 1)
                    {
                        Relax(heap, distance, u, _head[a], _cost[a]);
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
