using System.Reflection;
using Workbridge.Core.Common;
using Workbridge.Core.Verdicts.Stemming;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// The lexicon of the verdict analysis (Verdicts/Lexicon/verdict-lexicon.tsv, embedded; its header names the sources),
/// compiled for matching: every word of every pattern is stemmed once, and a word of a text is looked up by its stem,
/// its exact form and its prefixes to find the pattern slots it can fill. Immutable and safe to share between threads.
/// </summary>
public sealed class VerdictLexicon
{
    public const string EmbeddedFile = "verdict-lexicon.tsv";

    private static readonly Lazy<VerdictLexicon> _default = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Workbridge.Verdicts." + EmbeddedFile)
            ?? throw new InvalidOperationException($"The lexicon {EmbeddedFile} is not embedded in Workbridge.Core.");
        using var reader = new StreamReader(stream);
        return Parse(reader, EmbeddedFile);
    });

    private readonly Dictionary<string, List<SlotRef>> _byStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SlotRef>> _byForm = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, SlotRef Slot)> _byPrefix = [];

    // Prefixes by their first two characters (one-character prefixes under their character alone), built on first use.
    private Dictionary<int, (string Prefix, SlotRef Slot)[]>? _prefixIndex;
    private readonly List<CuePattern> _patterns = [];

    // The openings of every stem, prefix and form of the lexicon, as bits, for each alphabet (0 Russian, 1 Latin): three
    // letters (32 × 32 × 32), and two and one for keys that short; and for Russian, four (32⁴ bits, 128 KB, which stays
    // in the processor's cache), with three for keys of three letters. A stem is the word less or with a changed ending
    // (Snowball's Russian stemmer only removes letters from the end; Porter2 may change the third letter of a
    // three-letter word, "cry" → "cri", or of a stem it shortens to three, "trying" → "tri", "owing" → "owe", and the
    // opening of a few exceptional forms, "dying" → "die": both marked below), so a word can match only if it opens like
    // some key: most words of a text are ruled out by one bit. A number can match only if it is no longer than the
    // longest number of the lexicon ("по 14 часов").
    private readonly ulong[][] _three = [new ulong[32 * 32 * 32 / 64], new ulong[32 * 32 * 32 / 64]];
    private readonly ulong[][] _two = [new ulong[32 * 32 / 64], new ulong[32 * 32 / 64]];
    private readonly ulong[] _one = new ulong[2];
    private readonly ulong[] _four = new ulong[32 * 32 * 32 * 32 / 64];
    private int _longestNumber;
    private bool _numberPrefix;

    private VerdictLexicon()
    {
    }

    /// <summary>The lexicon shipped with Workbridge.</summary>
    public static VerdictLexicon Default => _default.Value;

    public IReadOnlyList<CuePattern> Patterns => _patterns;

    /// <summary>Reads a lexicon in the layout of verdict-lexicon.tsv; a bad line throws a FormatException naming it.</summary>
    public static VerdictLexicon Parse(TextReader reader, string source)
    {
        var lexicon = new VerdictLexicon();
        var number = 0;
        var header = false;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (!header)
            {
                header = cells is ["category", "lang", "strength", "gap", "pattern"]
                    ? true
                    : throw new FormatException($"{source} line {number}: the header must be category, lang, strength, gap, pattern.");
                continue;
            }

            if (cells.Length != 5)
            {
                throw new FormatException($"{source} line {number}: 5 tab-separated cells expected, found {cells.Length}.");
            }

            lexicon.Add(cells, source, number);
        }

        lexicon.MarkOpenings();
        return lexicon;
    }

    private void Add(string[] cells, string source, int line)
    {
        var (category, language, strength, gapText, text) = (cells[0], cells[1], cells[2], cells[3], cells[4]);
        if (language is not ("ru" or "en"))
        {
            throw new FormatException($"{source} line {line}: language '{language}' is not ru or en.");
        }

        ForcedLabourIndicator? indicator = null;
        ExploitationForm? form = null;
        CueKind kind;
        if (EnumText.TryParse<ForcedLabourIndicator>(category, out var parsedIndicator))
        {
            kind = CueKind.Indicator;
            indicator = parsedIndicator;
        }
        else if (category.StartsWith("form-", StringComparison.Ordinal) && EnumText.TryParse<ExploitationForm>(category[5..], out var parsedForm))
        {
            kind = CueKind.Form;
            form = parsedForm;
        }
        else if (category == "servitude")
        {
            // Compulsion named as a state ("в рабстве", "slavery"): compulsion, but not when it stands in quotation marks.
            kind = CueKind.Compulsion;
        }
        else if (!EnumText.TryParse(category, out kind) || kind is CueKind.Indicator or CueKind.Form)
        {
            throw new FormatException($"{source} line {line}: '{category}' is neither an indicator code nor a cue category.");
        }

        if (kind == CueKind.Indicator && strength is not ("strong" or "medium"))
        {
            throw new FormatException($"{source} line {line}: an indicator's strength must be strong or medium.");
        }

        var gap = gapText.Length == 0 ? 3 : int.TryParse(gapText, out var parsedGap) && parsedGap is >= 0 and <= 10
            ? parsedGap
            : throw new FormatException($"{source} line {line}: gap '{gapText}' is not a whole number from 0 to 10.");
        // "^" before the first word anchors the pattern at the start of a sentence.
        var anchored = text.StartsWith('^');
        var slots = text.TrimStart('^').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (slots.Length == 0)
        {
            throw new FormatException($"{source} line {line}: the pattern is empty.");
        }

        var pattern = new CuePattern(_patterns.Count, kind, indicator, form, strength == "strong", gap, text, line) { Slots = slots.Length, Anchored = anchored, Named = category == "servitude" };
        _patterns.Add(pattern);
        for (var slot = 0; slot < slots.Length; slot++)
        {
            var reference = new SlotRef(pattern.Index, slot);
            foreach (var alternative in slots[slot].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = CourtText.Fold(alternative);
                if (word.StartsWith('='))
                {
                    AddTo(_byForm, word[1..].TrimEnd('*'), reference, word.EndsWith('*') ? word[1..^1] : null);
                }
                else if (word.EndsWith('*'))
                {
                    _byPrefix.Add((word[..^1], reference));
                }
                else
                {
                    AddTo(_byStem, StemOf(word), reference, null);
                }
            }
        }
    }

    private void MarkOpenings()
    {
        // An exact form shorter than three letters matches only words that short, which always pass.
        foreach (var key in _byStem.Keys.Concat(_byForm.Keys.Where(f => f.Length >= 3)))
        {
            MarkOpening(key);
        }

        foreach (var (prefix, _) in _byPrefix)
        {
            _numberPrefix |= prefix.Length > 0 && char.IsAsciiDigit(prefix[0]);
            MarkOpening(prefix);
        }

        // Porter2's exceptional forms whose stem opens otherwise ("dying" → "die", "skies" → "sky").
        foreach (var (form, stem) in EnglishStemmer.Exceptions)
        {
            if (_byStem.ContainsKey(stem))
            {
                MarkOpening(form);
            }
        }
    }

    private void MarkOpening(string key)
    {
        if (key.Length > 0 && char.IsAsciiDigit(key[0]))
        {
            _longestNumber = Math.Max(_longestNumber, key.Length);
            return;
        }

        // A word that opens with no letter of either alphabet always passes.
        var alphabet = key.Length == 0 ? -1 : Alphabet(key[0]);
        if (alphabet < 0)
        {
            return;
        }

        var first = Letter(key[0]);
        if (key.Length == 1 || Alphabet(key[1]) != alphabet)
        {
            _one[alphabet] |= 1UL << first;
        }
        else if (key.Length == 2 || Alphabet(key[2]) != alphabet)
        {
            var index = first * 32 + Letter(key[1]);
            _two[alphabet][index >> 6] |= 1UL << (index & 63);
        }
        else if (alphabet == 0 && key.Length > 3 && Alphabet(key[3]) == 0)
        {
            var index = ((first * 32 + Letter(key[1])) * 32 + Letter(key[2])) * 32 + Letter(key[3]);
            _four[index >> 6] |= 1UL << (index & 63);
        }
        else
        {
            var index = (first * 32 + Letter(key[1])) * 32 + Letter(key[2]);
            _three[alphabet][index >> 6] |= 1UL << (index & 63);
            // Porter2 gives a short stem an "e" for the ending it removes ("owing" → "owe", "using" → "use") and ends
            // one in "i" for a "y" ("trying" → "tri", "crying" → "cri"): the word opens with "i" or "y" there.
            if (alphabet == 1 && key.Length == 3 && key[2] is 'e' or 'i')
            {
                index = (first * 32 + Letter(key[1])) * 32 + Letter(key[2] == 'e' ? 'i' : 'y');
                _three[alphabet][index >> 6] |= 1UL << (index & 63);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Alphabet(char c) => c is >= 'а' and <= 'я' ? 0 : c is >= 'a' and <= 'z' ? 1 : -1;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Letter(char c) => c >= 'а' ? c - 'а' : c - 'a';

    /// <summary>
    /// False when a folded word cannot fill any slot of the lexicon: a number longer than any of the lexicon's, or three
    /// Russian letters or four Latin ones or more that open (in three letters, or four for Russian keys that long) as no
    /// stem, form or prefix of the lexicon does. True otherwise (then <see cref="Lookup"/> decides).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool MayMatch(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return true;
        }

        if (char.IsAsciiDigit(word[0]))
        {
            return _numberPrefix || word.Length <= _longestNumber;
        }

        var alphabet = Alphabet(word[0]);
        if (alphabet < 0 || Alphabet(word[1]) != alphabet || Alphabet(word[2]) != alphabet || alphabet == 1 && word.Length < 4)
        {
            return true;
        }

        var first = Letter(word[0]);
        var two = first * 32 + Letter(word[1]);
        var three = two * 32 + Letter(word[2]);
        if ((_three[alphabet][three >> 6] & (1UL << (three & 63))) != 0 || (_two[alphabet][two >> 6] & (1UL << (two & 63))) != 0
            || (_one[alphabet] & (1UL << first)) != 0)
        {
            return true;
        }

        // A Russian key of four letters or more matches only a word that opens with its four.
        if (alphabet != 0 || word.Length < 4 || Alphabet(word[3]) != 0)
        {
            return false;
        }

        var four = three * 32 + Letter(word[3]);
        return (_four[four >> 6] & (1UL << (four & 63))) != 0;
    }

    private void AddTo(Dictionary<string, List<SlotRef>> map, string key, SlotRef reference, string? prefix)
    {
        if (prefix is not null)
        {
            // "=не получал*": an exact word whose continuation is free is just a prefix.
            _byPrefix.Add((prefix, reference));
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(reference);
    }

    /// <summary>The stem a word is matched by: Snowball Russian for Cyrillic, Porter2 for Latin, the word itself otherwise.</summary>
    public static string StemOf(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is >= 'а' and <= 'я')
            {
                return RussianStemmer.Stem(word);
            }

            if (c is >= 'a' and <= 'z')
            {
                return EnglishStemmer.Stem(word);
            }
        }

        return new string(word);
    }

    /// <summary>Every pattern slot a folded word (letters only, as <see cref="WordKey"/> makes it) can fill, ordered.</summary>
    public SlotRef[] Lookup(ReadOnlySpan<char> word)
    {
        List<SlotRef>? found = null;
        if (_byForm.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var exact))
        {
            (found ??= []).AddRange(exact);
        }

        if (_byStem.TryGetValue(StemOf(word), out var stemmed))
        {
            (found ??= []).AddRange(stemmed);
        }

        var index = _prefixIndex ??= _byPrefix.GroupBy(p => PrefixKey(p.Prefix)).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var key in (ReadOnlySpan<int>)[word.Length > 0 ? PrefixKey(word[..1]) : -1, word.Length > 1 ? PrefixKey(word[..2]) : -1])
        {
            if (key < 0 || !index.TryGetValue(key, out var candidates))
            {
                continue;
            }

            foreach (var (prefix, slot) in candidates)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    (found ??= []).Add(slot);
                }
            }
        }

        return found is null ? [] : [.. found.Distinct().OrderBy(s => s.Pattern).ThenBy(s => s.Slot)];
    }

    private static int PrefixKey(ReadOnlySpan<char> prefix) => prefix.Length == 1 ? prefix[0] : prefix[0] << 16 | prefix[1];

    /// <summary>
    /// The key of a token: its letters and digits without marks inside; a word that mixes Latin and Cyrillic letters
    /// (a common trick and a common OCR error) has its Latin look-alikes read as Cyrillic.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static int WordKey(ReadOnlySpan<char> token, Span<char> key)
    {
        var length = 0;
        var cyrillic = false;
        var latin = false;
        foreach (var c in token)
        {
            if ((c is >= 'a' and <= 'z' or >= 'а' and <= 'я' or >= '0' and <= '9' || (c >= '\u0080' && char.IsLetterOrDigit(c))) && length < key.Length)
            {
                key[length++] = c;
                cyrillic |= c is >= 'а' and <= 'я';
                latin |= c is >= 'a' and <= 'z';
            }
        }

        if (cyrillic && latin)
        {
            for (var i = 0; i < length; i++)
            {
                key[i] = key[i] switch
                {
                    'a' => 'а', 'c' => 'с', 'e' => 'е', 'o' => 'о', 'p' => 'р', 'x' => 'х', 'y' => 'у', 'k' => 'к', 'm' => 'м',
                    't' => 'т', 'h' => 'н', 'b' => 'в', _ => key[i],
                };
            }
        }

        return length;
    }
}
