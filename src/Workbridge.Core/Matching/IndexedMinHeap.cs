namespace Workbridge.Core.Matching;

/// <summary>
/// A 4-ary min-heap over node ids 0..n-1 keyed by an external distance array, starting with every node; supports
/// decrease-key. Equal keys pop in node order, so runs are repeatable.
/// </summary>
internal sealed class IndexedMinHeap
{
    private readonly long[] _key;
    private readonly int[] _heap;
    private readonly int[] _position; // -1 once popped
    private int _count;

    public IndexedMinHeap(long[] key)
    {
        _key = key;
        _count = key.Length;
        _heap = new int[_count];
        _position = new int[_count];
        for (var v = 0; v < _count; v++)
        {
            _heap[v] = v;
            _position[v] = v;
        }

        for (var i = (_count - 2) / 4; i >= 0; i--)
        {
            Down(i);
        }
    }

    public int Count => _count;

    public bool Contains(int node) => _position[node] >= 0;

    public int Pop()
    {
        var top = _heap[0];
        _position[top] = -1;
        _count--;
        if (_count > 0)
        {
            _heap[0] = _heap[_count];
            _position[_heap[0]] = 0;
            Down(0);
        }

        return top;
    }

    /// <summary>Restores the order after the node's key went down.</summary>
    public void Decreased(int node)
    {
        var i = _position[node];
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            if (!Less(node, _heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            _position[_heap[i]] = i;
            i = parent;
        }

        _heap[i] = node;
        _position[node] = i;
    }

    private bool Less(int a, int b) => _key[a] < _key[b] || (_key[a] == _key[b] && a < b);

    private void Down(int i)
    {
        var node = _heap[i];
        while (true)
        {
            var first = (4 * i) + 1;
            if (first >= _count)
            {
                break;
            }

            var best = first;
            var last = Math.Min(first + 4, _count);
            for (var c = first + 1; c < last; c++)
            {
                if (Less(_heap[c], _heap[best]))
                {
                    best = c;
                }
            }

            if (!Less(_heap[best], node))
            {
                break;
            }

            _heap[i] = _heap[best];
            _position[_heap[i]] = i;
            i = best;
        }

        _heap[i] = node;
        _position[node] = i;
    }
}
