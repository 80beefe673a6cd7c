namespace Workbridge.Core.Matching;

/// <summary>
/// Reads a DIMACS min-cost-flow file (<c>c</c> comments, one <c>p min NODES ARCS</c>, <c>n ID SUPPLY</c>,
/// <c>a FROM TO LOW CAP COST</c>) straight from bytes, without a string per line. Lower bounds must be 0; numbers
/// must fit 32-bit integers (capacity and cost per arc, supply per node). The first problem stops the reading with a
/// <see cref="DimacsFormatException"/> naming the line and what is wrong.
/// </summary>
public static class DimacsReader
{
    private const int BufferSize = 1 << 20;

    public static FlowNetwork Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path));
    }

    public static FlowNetwork Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parser = new Parser(name);
        var buffer = new byte[BufferSize];
        var kept = 0;
        while (true)
        {
            if (kept == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, kept, buffer.Length - kept);
            var filled = kept + read;
            var start = 0;
            while (true)
            {
                var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                parser.Line(buffer.AsSpan(start, newline));
                start += newline + 1;
            }

            if (read == 0)
            {
                if (start < filled)
                {
                    parser.Line(buffer.AsSpan(start, filled - start));
                }

                return parser.Finish();
            }

            kept = filled - start;
            buffer.AsSpan(start, kept).CopyTo(buffer);
        }
    }

    private sealed class Parser(string name)
    {
        private long _line;
        private long _problemLine;
        private int _nodes = -1;
        private int _declaredArcs;
        private int _arcs;
        private int[] _supply = [];
        private long[] _supplyLine = [];
        private int[] _outDegree = [];
        private int _lastTail;
        private int[]? _tail;             // only once the arcs are found out of tail order
        private int[] _head = [];
        private int[] _capacity = [];
        private int[] _cost = [];

        public void Line(ReadOnlySpan<byte> text)
        {
            _line++;
            if (text.Length > 0 && text[^1] == (byte)'\r')
            {
                text = text[..^1];
            }

            var at = 0;
            SkipSpaces(text, ref at);
            if (at == text.Length)
            {
                return;
            }

            var kind = text[at++];
            if (at < text.Length && text[at] != (byte)' ' && text[at] != (byte)'\t')
            {
                throw Error($"a line starts with 'c', 'p', 'n' or 'a' followed by a space, not '{Shown(text)}'");
            }

            switch (kind)
            {
                case (byte)'c':
                    return;
                case (byte)'p':
                    Problem(text, at);
                    return;
                case (byte)'n':
                    Node(text, at);
                    return;
                case (byte)'a':
                    Arc(text, at);
                    return;
                default:
                    throw Error($"unknown line kind '{(char)kind}' (expected c, p, n or a)");
            }
        }

        public FlowNetwork Finish()
        {
            if (_nodes < 0)
            {
                throw Error("the file has no problem line 'p min NODES ARCS'", _line + 1);
            }

            if (_arcs != _declaredArcs)
            {
                throw Error($"the file ends after {_arcs:N0} arc lines, but the problem line (line {_problemLine}) declares {_declaredArcs:N0}", _line + 1);
            }

            if (_tail is not null)
            {
                return FlowNetwork.FromArcList(_nodes, _tail, _head, _capacity, _cost, _supply);
            }

            // Arcs grouped by tail (as Workbridge and most generators write them): the arrays already are the rows.
            var first = new int[_nodes + 1];
            for (var v = 0; v < _nodes; v++)
            {
                first[v + 1] = first[v] + _outDegree[v];
            }

            return new FlowNetwork(first, _head, _capacity, _cost, _supply);
        }

        private void Problem(ReadOnlySpan<byte> text, int at)
        {
            if (_nodes >= 0)
            {
                throw Error($"a second problem line (the first is line {_problemLine})");
            }

            SkipSpaces(text, ref at);
            if (!text[at..].StartsWith("min"u8) || (at + 3 < text.Length && text[at + 3] != (byte)' ' && text[at + 3] != (byte)'\t'))
            {
                throw Error("the problem line must read 'p min NODES ARCS' (only min-cost-flow problems are read)");
            }

            at += 3;
            var nodes = Number(text, ref at, "the number of nodes");
            var arcs = Number(text, ref at, "the number of arcs");
            End(text, at);
            if (nodes < 1 || nodes > int.MaxValue - 2)
            {
                throw Error($"the number of nodes must be between 1 and {int.MaxValue - 2:N0}, not {nodes}");
            }

            if (arcs < 0 || arcs > Array.MaxLength)
            {
                throw Error($"the number of arcs must be between 0 and {Array.MaxLength:N0}, not {arcs}");
            }

            _problemLine = _line;
            _nodes = (int)nodes;
            _declaredArcs = (int)arcs;
            _supply = new int[_nodes];
            _supplyLine = new long[_nodes];
            _outDegree = new int[_nodes];

            // Every slot is written before use or the file is refused, so the arrays need no zeroing (first touch of
            // fresh memory is the slow part of reading a large file).
            _head = GC.AllocateUninitializedArray<int>(_declaredArcs);
            _capacity = GC.AllocateUninitializedArray<int>(_declaredArcs);
            _cost = GC.AllocateUninitializedArray<int>(_declaredArcs);
        }

        private void Node(ReadOnlySpan<byte> text, int at)
        {
            RequireProblem("node");
            var id = NodeId(text, ref at, "the node id");
            var supply = Int(text, ref at, "the supply");
            End(text, at);
            if (_supplyLine[id] != 0)
            {
                throw Error($"node {id + 1} has its supply given twice (first on line {_supplyLine[id]})");
            }

            _supplyLine[id] = _line;
            _supply[id] = supply;
        }

        private void Arc(ReadOnlySpan<byte> text, int at)
        {
            RequireProblem("arc");
            if (_arcs == _declaredArcs)
            {
                throw Error($"more arc lines than the {_declaredArcs:N0} the problem line (line {_problemLine}) declares");
            }

            var from = NodeId(text, ref at, "the tail node");
            var to = NodeId(text, ref at, "the head node");
            var low = Number(text, ref at, "the lower bound");
            var capacity = Int(text, ref at, "the capacity");
            var cost = Int(text, ref at, "the cost");
            End(text, at);
            if (low != 0)
            {
                throw Error($"the lower bound is {low}; only lower bounds of 0 are supported");
            }

            if (capacity < 0)
            {
                throw Error($"the capacity is negative ({capacity})");
            }

            if (from < _lastTail && _tail is null)
            {
                // Out of tail order: keep every tail from here on (the ones so far follow from the degrees).
                _tail = new int[_declaredArcs];
                var filled = 0;
                for (var v = 0; v <= _lastTail; v++)
                {
                    _tail.AsSpan(filled, _outDegree[v]).Fill(v);
                    filled += _outDegree[v];
                }
            }

            if (_tail is not null)
            {
                _tail[_arcs] = from;
            }

            _lastTail = Math.Max(_lastTail, from);
            _outDegree[from]++;
            _head[_arcs] = to;
            _capacity[_arcs] = capacity;
            _cost[_arcs] = cost;
            _arcs++;
        }

        private void RequireProblem(string what)
        {
            if (_nodes < 0)
            {
                throw Error($"a {what} line before the problem line 'p min NODES ARCS'");
            }
        }

        private int NodeId(ReadOnlySpan<byte> text, ref int at, string what)
        {
            var id = Number(text, ref at, what);
            if (id < 1 || id > _nodes)
            {
                throw Error($"{what} {id} is not a node (nodes are 1 to {_nodes:N0})");
            }

            return (int)id - 1;
        }

        private int Int(ReadOnlySpan<byte> text, ref int at, string what)
        {
            var value = Number(text, ref at, what);
            if (value is < int.MinValue or > int.MaxValue)
            {
                throw Error($"{what} {value} does not fit a 32-bit integer");
            }

            return (int)value;
        }

        private long Number(ReadOnlySpan<byte> text, ref int at, string what)
        {
            SkipSpaces(text, ref at);
            if (at == text.Length)
            {
                throw Error($"{what} is missing");
            }

            var negative = text[at] == (byte)'-';
            if (negative || text[at] == (byte)'+')
            {
                at++;
            }

            var start = at;
            long value = 0;
            while (at < text.Length && unchecked((uint)(text[at] - '0')) <= 9)
            {
                if (value > (long.MaxValue - 9) / 10)
                {
                    throw Error($"{what} is too large");
                }

                value = (value * 10) + (text[at] - '0');
                at++;
            }

            if (at == start || (at < text.Length && text[at] != (byte)' ' && text[at] != (byte)'\t'))
            {
                var end = at;
                while (end < text.Length && text[end] != (byte)' ' && text[end] != (byte)'\t')
                {
                    end++;
                }

                throw Error($"{what} is not an integer: '{System.Text.Encoding.UTF8.GetString(text[start..end])}'");
            }

            return negative ? -value : value;
        }

        private void End(ReadOnlySpan<byte> text, int at)
        {
            SkipSpaces(text, ref at);
            if (at != text.Length)
            {
                throw Error($"unexpected text after the last field: '{System.Text.Encoding.UTF8.GetString(text[at..])}'");
            }
        }

        private static void SkipSpaces(ReadOnlySpan<byte> text, ref int at)
        {
            while (at < text.Length && (text[at] == (byte)' ' || text[at] == (byte)'\t'))
            {
                at++;
            }
        }

        private static string Shown(ReadOnlySpan<byte> text) =>
            System.Text.Encoding.UTF8.GetString(text[..Math.Min(text.Length, 40)]);

        private DimacsFormatException Error(string reason, long? line = null) => new(name, line ?? _line, reason);
    }
}
