using System.Text;

namespace Workbridge.Core.Verdicts;

/// <summary>A sentence of a text, as character offsets into it (end exclusive).</summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Text handling for court decisions. <see cref="Fold"/> keeps every character where it was (one in, one out), so an
/// offset found in the folded text is an offset in the original: evidence can be highlighted where it stands.
/// <see cref="Sentences"/> splits where a sentence ends, not after the abbreviations and initials verdicts are full of
/// ("ст. 127.2", "г. Москва", "Иванов И.И. показал").
/// </summary>
public static class CourtText
{
    // Abbreviations after which a full stop does not end a sentence (folded, without the stop).
    private static readonly HashSet<string> _abbreviations = new(StringComparer.Ordinal)
    {
        "ст", "ч", "п", "пп", "г", "гг", "гр", "т", "е", "др", "им", "ул", "д", "кв", "обл", "р", "руб", "коп", "тыс",
        "млн", "см", "стр", "л", "мин", "ред", "изм", "св", "пр", "пос", "с", "дер", "корп", "no", "art", "mr", "mrs",
        "dr", "st", "p", "para", "vs", "etc", "e.g", "i.e",
    };

    /// <summary>Lower case, ё → е, every quote mark → ", every dash → -, every space → ' '; the same length as the input.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                'ё' or 'Ё' => 'е',
                '«' or '»' or '„' or '“' or '”' or '‟' or '″' or '\'' or '‘' or '’' => '"',
                '–' or '—' or '‒' or '―' or '‐' or '‑' or '−' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }

    public static IReadOnlyList<SentenceSpan> Sentences(string text)
    {
        var spans = new List<SentenceSpan>();
        var start = Skip(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            var paragraph = c == '\n' && i + 1 < text.Length && (text[i + 1] == '\n' || text[i + 1] == '\r');
            if (!paragraph && c is not ('.' or '!' or '?' or '…' or ';'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (text[end] is '.' or '!' or '?' or '…' or '"' or '»' or ')' || (c != ';' && text[end] == '”')))
            {
                end++;
            }

            var next = Skip(text, end);
            if (!paragraph && (next == end && next < text.Length || !EndsSentence(text, i, next)))
            {
                continue;
            }

            Add(spans, text, start, end);
            start = next;
            i = Math.Max(i, next - 1);
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    private static bool EndsSentence(string text, int stop, int next)
    {
        if (text[stop] != '.')
        {
            return text[stop] != ';' || next >= text.Length || char.IsUpper(text[next]);
        }

        if (next >= text.Length)
        {
            return true;
        }

        // The next sentence starts with a capital, a digit of a list or a quote; "ст. 127" or "в т.ч. и" do not.
        var following = text[next];
        if (!(char.IsUpper(following) || following is '«' or '"' or '—' or '-'))
        {
            return false;
        }

        var wordStart = stop;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = Fold(text[wordStart..stop]);
        // An initial ("И.") or an abbreviation ("г.", "ст.") followed by a capitalised name is not a sentence end.
        return !_abbreviations.Contains(word) && !(word.Length == 1 && char.IsUpper(text[wordStart]));
    }

    private static int Skip(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static void Add(List<SentenceSpan> spans, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new SentenceSpan(start, end));
        }
    }
}
