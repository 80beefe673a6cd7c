namespace Workbridge.Core.Verdicts;

/// <summary>
/// What each word seen so far can be in the lexicon, looked up by the word's characters without making a string: an
/// open-addressing table with FNV-1a hashes, which is what the analyser does for every word of every text.
/// Not thread-safe.
/// </summary>
public sealed class WordCache
{
    private string?[] _keys = new string?[1 << 16];
    private int[] _hashes = new int[1 << 16];
    private SlotRef[][] _values = new SlotRef[1 << 16][];
    private int _count;

    public int Count => _count;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<char> word, out SlotRef[] slots)
    {
        var mask = _keys.Length - 1;
        var hash = Hash(word);
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var key = _keys[i];
            if (key is null)
            {
                slots = [];
                return false;
            }

            // The hash first: a mismatch then costs no visit to the key string's memory.
            if (_hashes[i] == hash && word.SequenceEqual(key))
            {
                slots = _values[i];
                return true;
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(string word, SlotRef[] slots)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Insert(_keys, _hashes, _values, word, slots);
        _count++;
    }

    public void Clear()
    {
        Array.Clear(_keys);
        Array.Clear(_hashes);
        Array.Clear(_values);
        _count = 0;
    }

    private void Grow()
    {
        var keys = new string?[_keys.Length * 2];
        var hashes = new int[keys.Length];
        var values = new SlotRef[keys.Length][];
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] is { } key)
            {
                Insert(keys, hashes, values, key, _values[i]);
            }
        }

        (_keys, _hashes, _values) = (keys, hashes, values);
    }

    private static void Insert(string?[] keys, int[] hashes, SlotRef[][] values, string word, SlotRef[] slots)
    {
        var mask = keys.Length - 1;
        var hash = Hash(word);
        var i = hash & mask;
        while (keys[i] is not null)
        {
            i = (i + 1) & mask;
        }

        keys[i] = word;
        hashes[i] = hash;
        values[i] = slots;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)(hash ^ (hash >> 15)));
    }
}
