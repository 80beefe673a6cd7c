namespace Workbridge.Core.Verdicts;

/// <summary>
/// What each word seen so far can be in the lexicon, looked up by the word's characters without making a string: an
/// open-addressing table with FNV-1a hashes, which is what the analyser does for every word of every text.
/// Not thread-safe.
/// </summary>
public sealed class WordCache
{
    // One array of entries: a probe reads the hash, the key and the value from one cache line.
    private Entry[] _entries = new Entry[1 << 16];
    private int _count;

    private struct Entry
    {
        public int Hash;
        public string? Key;
        public SlotRef[] Value;
    }

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<char> word, out SlotRef[] slots) => TryGet(word, Hash(word), out slots);

    /// <summary>As <see cref="TryGet(ReadOnlySpan{char}, out SlotRef[])"/>, given the word's <see cref="Hash"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<char> word, int hash, out SlotRef[] slots)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref entries[i];
            if (entry.Key is not { } key)
            {
                slots = [];
                return false;
            }

            // The hash first: a mismatch then costs no visit to the key string's memory.
            if (entry.Hash == hash && word.SequenceEqual(key))
            {
                slots = entry.Value;
                return true;
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Add(string word, SlotRef[] slots)
    {
        if ((_count + 1) * 2 > _entries.Length)
        {
            var entries = new Entry[_entries.Length * 2];
            foreach (var entry in _entries)
            {
                if (entry.Key is not null)
                {
                    Insert(entries, entry);
                }
            }

            _entries = entries;
        }

        Insert(_entries, new Entry { Hash = Hash(word), Key = word, Value = slots });
        _count++;
    }

    public void Clear()
    {
        Array.Clear(_entries);
        _count = 0;
    }

    private static void Insert(Entry[] entries, Entry entry)
    {
        var mask = entries.Length - 1;
        var i = entry.Hash & mask;
        while (entries[i].Key is not null)
        {
            i = (i + 1) & mask;
        }

        entries[i] = entry;
    }

    /// <summary>The hash of a word (FNV-1a over its characters, folded at the end), as <see cref="Seed"/>, <see cref="Step"/> and <see cref="Finish"/> make it one character at a time.</summary>
    public static int Hash(ReadOnlySpan<char> word)
    {
        var hash = Seed;
        foreach (var c in word)
        {
            hash = Step(hash, c);
        }

        return Finish(hash);
    }

    public const uint Seed = 2166136261u;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint hash, char c) => unchecked((hash ^ c) * 16777619u);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Finish(uint hash) => unchecked((int)(hash ^ (hash >> 15)));
}
