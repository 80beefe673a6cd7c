namespace Workbridge.Core.Verdicts;

/// <summary>
/// Recognises a federal subject in Russian text from its name in any grammatical case (stems such as "челябинск",
/// "приморского кра"), longest form first, so that "Ямало-Ненецкого автономного округа" is not read as the Nenets
/// okrug. A name after "г." or "город" (the seat of the court) weighs more than one used as an adjective, because
/// district courts in every city are called "Московский", "Ленинский" and so on. A form ending in "$" matches a whole
/// word only ("тула$" is Tula, not "тулуп"; "perm$" is not "permitted"); other forms match the beginning of a word.
/// Text and forms are compared folded: lower case, ё as е, hyphens, dashes and runs of spaces as one space.
/// </summary>
public sealed class RegionNames
{
    // Forms by their first three characters (two letters and a letter or anything else), longest first, and forms of two
    // letters by those: each word start of a text is tried against a few forms only, found by two array indexes.
    private const int Letters = 26 + 32;
    private const int Symbols = Letters + 1;
    private readonly Form[]?[] _byStart = new Form[]?[Letters * Letters * Symbols];
    private readonly Form[]?[] _short = new Form[]?[Letters * Letters];

    private readonly record struct Form(string Text, string Code, bool Whole);

    /// <param name="forms">Region code and lower-case name forms, e.g. ("RU-CHE", ["челябинск"]).</param>
    public RegionNames(IEnumerable<(string Code, IEnumerable<string> Forms)> forms)
    {
        var all = forms.SelectMany(r => r.Forms.Select(f => new Form(FoldName(f.TrimEnd('$')), r.Code, f.EndsWith('$'))))
            .Where(f => f.Text.Length >= 2 && Key(f.Text[0], f.Text[1]) >= 0)
            .ToList();
        foreach (var group in all.Where(f => f.Text.Length > 2).GroupBy(f => Key(f.Text[0], f.Text[1]) * Symbols + Symbol(f.Text[2])))
        {
            _byStart[group.Key] = [.. group.OrderByDescending(f => f.Text.Length)];
        }

        foreach (var group in all.Where(f => f.Text.Length == 2).GroupBy(f => Key(f.Text[0], f.Text[1])))
        {
            _short[group.Key] = [.. group];
        }
    }

    /// <summary>The region the text is most about, or null when it names none.</summary>
    public string? Find(string text) => Find(text, text.Length);

    /// <summary>The region the first <paramref name="length"/> characters of the text are most about, or null.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public string? Find(string text, int length)
    {
        // NFKC may lengthen the text ("ﬁ" → "fi"); folding never does.
        var source = NeedsNormalisation(text.AsSpan(0, length)) ? Common.SearchText.Fold(text[..length]).AsSpan() : text.AsSpan(0, length);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length));
        try
        {
            var folded = FoldName(source, buffer);
            return Find(buffer.AsSpan(0, folded));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private string? Find(ReadOnlySpan<char> folded)
    {
        Dictionary<string, (int Score, int First)>? scores = null;
        var at = 0;
        while (at < folded.Length - 1)
        {
            // To the next word start: a letter after something else.
            if (!IsLetter(folded[at]))
            {
                at++;
                continue;
            }

            if (at > 0 && IsLetter(folded[at - 1]))
            {
                while (at < folded.Length && IsLetter(folded[at]))
                {
                    at++;
                }

                continue;
            }

            var key = Key(folded[at], folded[at + 1]);
            var matched = 0;
            if (key >= 0)
            {
                var candidates = at + 2 < folded.Length ? _byStart[key * Symbols + Symbol(folded[at + 2])] : null;
                matched = Match(folded, at, candidates, ref scores);
                if (matched == 0)
                {
                    matched = Match(folded, at, _short[key], ref scores);
                }
            }

            at += Math.Max(1, matched);
        }

        return scores is null ? null : scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.First).First().Key;
    }

    /// <summary>The length of the first (longest) form found at <paramref name="at"/>, counted in the scores; 0 for none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Match(ReadOnlySpan<char> folded, int at, Form[]? candidates, ref Dictionary<string, (int Score, int First)>? scores)
    {
        if (candidates is null)
        {
            return 0;
        }

        foreach (var (form, code, whole) in candidates)
        {
            var after = at + form.Length;
            if (after > folded.Length || !folded[at..].StartsWith(form) || (whole && after < folded.Length && IsLetter(folded[after])))
            {
                continue;
            }

            var context = folded.Slice(Math.Max(0, at - 14), Math.Min(at, 14));
            var weight = context.Contains("г.", StringComparison.Ordinal) || context.Contains("город", StringComparison.Ordinal) ? 3 : 1;
            scores ??= [];
            var (score, first) = scores.GetValueOrDefault(code, (0, at));
            scores[code] = (score + weight, Math.Min(first, at));
            return form.Length;
        }

        return 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Symbol(char c) => Letter(c) is var letter and >= 0 ? letter : Letters;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Key(char first, char second)
    {
        var a = Letter(first);
        var b = Letter(second);
        return a < 0 || b < 0 ? -1 : a * Letters + b;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Letter(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'а' and <= 'я' => 26 + (c - 'а'),
        _ => -1,
    };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'а' and <= 'я' || (c >= '\u0080' && char.IsLetter(c));

    // Latin, Cyrillic and the general punctuation (dashes, quotes) need no NFKC; anything else might.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool NeedsNormalisation(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c > '\u04ff' && c is < '\u2000' or > '\u206f')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower case, ё → е, hyphens and dashes and space runs as one space; the length written to the buffer.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int FoldName(ReadOnlySpan<char> source, char[] buffer)
    {
        var length = 0;
        var space = false;
        foreach (var raw in source)
        {
            var c = raw switch
            {
                >= 'a' and <= 'z' or >= 'а' and <= 'я' or >= '0' and <= '9' or '.' or ',' => raw,
                >= 'A' and <= 'Z' or >= 'А' and <= 'Я' => (char)(raw + 32),
                'ё' or 'Ё' => 'е',
                '-' or '–' or '—' or '‐' => ' ',
                _ when char.IsWhiteSpace(raw) => ' ',
                >= 'Ѐ' and <= 'Џ' => char.ToLowerInvariant(raw),
                _ => raw,
            };
            if (c == ' ')
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                buffer[length++] = ' ';
                space = false;
            }

            buffer[length++] = c;
        }

        return length;
    }

    private static string FoldName(string text)
    {
        var source = NeedsNormalisation(text) ? Common.SearchText.Fold(text) : text;
        var buffer = new char[Math.Max(1, source.Length)];
        return new string(buffer, 0, FoldName(source, buffer));
    }
}
