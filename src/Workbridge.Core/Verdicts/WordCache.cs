using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// What each word seen so far can be in the lexicon, looked up by the word's characters without making a string: an
/// open-addressing table of (hash, where the characters are, id), sixteen bytes each, over one pool of characters, which is what the analyser
/// does for every word of every text. No object is made per word, so a vocabulary of hundreds of thousands of forms
/// costs the garbage collector nothing. Not thread-safe.
/// </summary>
public sealed class WordCache
{
    private Entry[] _table = new Entry[1 << 16];
    private char[] _chars = new char[1 << 18];
    private int _used;
    private SlotRef[][] _values = new SlotRef[1 << 15][];
    private int _count;

    // Id is the word's number plus one; 0 marks an empty place. The characters' place is kept in the entry, so a probe
    // reads one line of the table and then the characters.
    private struct Entry
    {
        public int Hash;
        public int Id;
        public int Start;
        public int Length;
    }

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<char> word, out SlotRef[] slots) => TryGet(word, Hash(word), out slots);

    /// <summary>As <see cref="TryGet(ReadOnlySpan{char}, out SlotRef[])"/>, given the word's <see cref="Hash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<char> word, int hash, out SlotRef[] slots)
    {
        var table = _table;
        var mask = table.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref table[i];
            if (entry.Id == 0)
            {
                slots = [];
                return false;
            }

            // The hash and length first: a mismatch then costs no visit to the characters.
            if (entry.Hash == hash && entry.Length == word.Length && (word.Length == 0 || Same(word, ref _chars[entry.Start])))
            {
                slots = _values[entry.Id - 1];
                return true;
            }
        }
    }

    /// <summary>
    /// Whether the characters at <paramref name="stored"/> are the word's: four at a time, the last four overlapping
    /// the ones before (a word is seven characters on average, where a call to SequenceEqual costs more than the
    /// comparison).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same(ReadOnlySpan<char> word, ref char stored)
    {
        ref var given = ref MemoryMarshal.GetReference(word);
        var length = word.Length;
        if (length < 4)
        {
            for (var i = 0; i < length; i++)
            {
                if (Unsafe.Add(ref given, i) != Unsafe.Add(ref stored, i))
                {
                    return false;
                }
            }

            return true;
        }

        for (var i = 0; i < length - 4; i += 4)
        {
            if (Four(ref given, i) != Four(ref stored, i))
            {
                return false;
            }
        }

        return Four(ref given, length - 4) == Four(ref stored, length - 4);

        static ulong Four(ref char start, int at) =>
            Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref start, at)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> word, SlotRef[] slots)
    {
        if ((_count + 1) * 2 > _table.Length)
        {
            var table = new Entry[_table.Length * 2];
            foreach (var entry in _table)
            {
                if (entry.Id != 0)
                {
                    Insert(table, entry);
                }
            }

            _table = table;
        }

        if (_count == _values.Length)
        {
            Array.Resize(ref _values, _count * 2);
        }

        if (_used + word.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + word.Length));
        }

        word.CopyTo(_chars.AsSpan(_used));
        _values[_count] = slots;
        _count++;
        Insert(_table, new Entry { Hash = Hash(word), Id = _count, Start = _used, Length = word.Length });
        _used += word.Length;
    }

    public void Clear()
    {
        Array.Clear(_table);
        Array.Clear(_values, 0, _count);
        _count = 0;
        _used = 0;
    }

    private static void Insert(Entry[] table, Entry entry)
    {
        var mask = table.Length - 1;
        var i = entry.Hash & mask;
        while (table[i].Id != 0)
        {
            i = (i + 1) & mask;
        }

        table[i] = entry;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Step(uint hash, char c) => unchecked((hash ^ c) * 16777619u);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Finish(uint hash) => unchecked((int)(hash ^ (hash >> 15)));
}
