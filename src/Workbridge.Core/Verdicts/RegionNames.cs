namespace Workbridge.Core.Verdicts;

/// <summary>
/// Recognises a federal subject in Russian text from its name in any grammatical case (stems such as "челябинск",
/// "приморского кра"), longest form first, so that "Ямало-Ненецкого автономного округа" is not read as the Nenets
/// okrug. A name after "г." or "город" (the seat of the court) weighs more than one used as an adjective, because
/// district courts in every city are called "Московский", "Ленинский" and so on; the first name right after the word
/// "суд" (the court's own name: "районный суд Республики Дагестан") decides, and the reading stops there, since a
/// decision also names the places where things happened and the courts that judged the case before. A form ending in "$" matches a whole
/// word only ("тула$" is Tula, not "тулуп"; "perm$" is not "permitted"); other forms match the beginning of a word.
/// Text and forms are compared folded (<see cref="CourtText.Fold(string)"/>: lower case, ё as е, dashes as hyphens); a
/// space in a form matches any run of spaces and hyphens in the text.
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
    public string? Find(string text)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var folded = buffer.AsSpan(0, text.Length);
            CourtText.Fold(text, folded);
            return Find(folded);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // The weight of the first court named.
    private const int CourtFirst = 50;

    /// <summary>As <see cref="Find(string)"/>, given the text folded by <see cref="CourtText.Fold(string)"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public string? Find(ReadOnlySpan<char> folded)
    {
        Dictionary<string, (int Score, int First)>? scores = null;
        var courtSeen = false;
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
            var matched = at;
            if (key >= 0)
            {
                var candidates = at + 2 < folded.Length ? _byStart[key * Symbols + Symbol(folded[at + 2])] : null;
                matched = Match(folded, at, candidates, ref scores, ref courtSeen);
                if (matched == at)
                {
                    matched = Match(folded, at, _short[key], ref scores, ref courtSeen);
                }
            }

            at = Math.Max(at + 1, matched);
            // The first court named outweighs the names before it (3 a town, 1 a name); what follows is not read.
            if (courtSeen)
            {
                break;
            }
        }

        return scores is null ? null : scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.First).First().Key;
    }

    /// <summary>Where the first (longest) form found at <paramref name="at"/> ends, counted in the scores; <paramref name="at"/> for none.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int Match(ReadOnlySpan<char> folded, int at, Form[]? candidates, ref Dictionary<string, (int Score, int First)>? scores, ref bool courtSeen)
    {
        if (candidates is null)
        {
            return at;
        }

        foreach (var (form, code, whole) in candidates)
        {
            var after = EndOf(folded, at, form);
            if (after < 0 || (whole && after < folded.Length && IsLetter(folded[after])))
            {
                continue;
            }

            var context = folded.Slice(Math.Max(0, at - 14), Math.Min(at, 14));
            var court = folded.Slice(Math.Max(0, at - 40), Math.Min(at, 40));
            var kind = CourtKind(folded[after..], form);
            var named = court.Contains("суд ", StringComparison.Ordinal) || court.Contains("court", StringComparison.Ordinal) || kind is not null;
            // "Московский областной суд" is the Moscow oblast's court, not the city's.
            var region = code == "RU-MOW" && kind is "областн" or "област" or "regional" or "region" or "oblast" ? "RU-MOS" : code;
            // The first court named is the one that decides ("Зубово-Полянский районный суд Республики Мордовия"); the
            // courts and towns named after it, not read, are those of the judgment appealed against or of the accused's
            // past.
            var weight = named ? CourtFirst
                : context.Contains("г.", StringComparison.Ordinal) || context.Contains("город", StringComparison.Ordinal) ? 3
                : 1;
            courtSeen |= named;
            scores ??= [];
            var (score, first) = scores.GetValueOrDefault(region, (0, at));
            scores[region] = (score + weight, Math.Min(first, at));
            return after;
        }

        return at;
    }

    /// <summary>
    /// The kind of a court whose own name the form begins, as an adjective before it: "Санкт-Петербургский городской
    /// суд", "Псковского областного суда", "Krasnodar Regional Court". Not a district court ("Московский районный суд"
    /// sits in many cities). Null when no court follows.
    /// </summary>
    private static string? CourtKind(ReadOnlySpan<char> rest, string form)
    {
        rest = NextWord(rest);
        // A form that takes in the kind itself ("алтайский кра", "moscow region"): the court follows at once.
        if (IsCourt(rest))
        {
            foreach (var kind in (ReadOnlySpan<string>)[" област", " кра", " округ", " region", " oblast", " krai", " territor"])
            {
                if (form.Contains(kind, StringComparison.Ordinal))
                {
                    return kind[1..];
                }
            }
        }

        foreach (var kind in (ReadOnlySpan<string>)["областн", "краев", "городск", "окружн", "regional", "city", "krai", "territorial", "oblast"])
        {
            if (rest.StartsWith(kind, StringComparison.Ordinal))
            {
                return IsCourt(NextWord(rest)) ? kind : null;
            }
        }

        return null;

        // Past the rest of the word and the spaces after it.
        static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text)
        {
            var end = 0;
            while (end < text.Length && IsLetter(text[end]))
            {
                end++;
            }

            return text[end..].TrimStart(' ');
        }

        static bool IsCourt(ReadOnlySpan<char> text) => text.StartsWith("суд", StringComparison.Ordinal) || text.StartsWith("court", StringComparison.Ordinal);
    }

    /// <summary>
    /// Where <paramref name="form"/> ends when it stands at <paramref name="at"/>, or -1: a space of the form matches any
    /// run of spaces and hyphens ("ханты-мансийского", "кабардино - балкарской").
    /// </summary>
    private static int EndOf(ReadOnlySpan<char> folded, int at, string form)
    {
        var j = at;
        foreach (var f in form)
        {
            if (f == ' ')
            {
                if (j >= folded.Length || folded[j] is not (' ' or '-'))
                {
                    return -1;
                }

                while (j < folded.Length && folded[j] is ' ' or '-')
                {
                    j++;
                }
            }
            else if (j < folded.Length && folded[j] == f)
            {
                j++;
            }
            else
            {
                return -1;
            }
        }

        return j;
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

    /// <summary>A form as the text is compared with it: folded as <see cref="CourtText.Fold(string)"/> does, hyphens as spaces, one space between words.</summary>
    private static string FoldName(string form) =>
        string.Join(' ', CourtText.Fold(form).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries));
}
