using System.Text.RegularExpressions;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// Finds the Criminal Code articles a court text cites, in both forms courts use:
/// the metadata form, article first ("ст.126 ч.2 п.п.а,в,з УК РФ", "ст. 30 ч.3, ст.158 ч.2 п.п.а,б"), and the prose
/// form, article last ("п. «а» ч. 2 ст. 127.2 УК РФ", "частью 3.1 статьи 72 УК РФ"). Citations followed by another
/// code (УПК, УИК, КоАП, ГК, ТК …) are left out; a citation with no code named is taken as the Criminal Code's, which
/// is how verdicts cite it after the first mention.
/// </summary>
public static partial class CriminalCodeCitations
{
    private const string Number = @"\d+(?:\.\d+)?";

    // Lists of numbers or letters after a marker: "126, 127.1 и 127.2", "а, в, з", "«а», «в»".
    private const string Numbers = Number + @"(?:\s*(?:,|и)\s*" + Number + ")*";
    private const string Letter = @"«?[а-яё]»?(?![а-яё])";
    private const string LetterList = Letter + @"(?:\s*(?:,|и)\s*" + Letter + ")*";

    [GeneratedRegex(@"(?<![а-яё])(?:ст\.?\s*ст\.?|ст\.|ст(?=\s*\d)|стать[а-яё]*)\s*(?<n>" + Numbers + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleMarker();

    [GeneratedRegex(@"(?<![а-яё])(?:ч\.?\s*ч\.?|ч\.|ч(?=\s*\d)|част[а-яё]*)\s*(?<n>" + Numbers + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartMarker();

    [GeneratedRegex(@"(?<![а-яё])(?:п\.?\s*п\.?|пп\.?|п\.|пункт[а-яё]*)\s*(?<l>" + LetterList + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointMarker();

    [GeneratedRegex(@"(?<![А-ЯЁа-яё])(?<code>УК|УПК|УИК|КоАП|ГК|ГПК|АПК|ТК|НК|КАС|ЖК|СК)(?![А-ЯЁа-яё])|(?<code>Уголовн[а-яё]*\s+кодекс[а-яё]*|Уголовно-процессуальн[а-яё]*|Уголовно-исполнительн[а-яё]*)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeMarker();

    public static IReadOnlyList<ArticleCitation> Find(string text)
    {
        var citations = new List<ArticleCitation>();
        foreach (Match article in ArticleMarker().Matches(text))
        {
            var numbers = Split(article.Groups["n"].Value);
            var start = article.Index;
            var end = article.Index + article.Length;
            string? part = null;
            IReadOnlyList<string> points = [];

            // Prose form: points and part stand right before the article ("п. «а» ч. 2 ст. 127.2").
            var before = text[..start];
            if (Adjacent(PartMarker(), before) is { } partBefore)
            {
                part = Split(partBefore.Groups["n"].Value)[0];
                start = partBefore.Index;
                if (Adjacent(PointMarker(), text[..start]) is { } pointsBefore)
                {
                    points = Letters(pointsBefore.Groups["l"].Value);
                    start = pointsBefore.Index;
                }
            }
            else if (numbers.Count == 1)
            {
                // Metadata form: part and points follow the article ("ст.126 ч.2 п.п.а,в,з").
                if (Following(PartMarker(), text, end) is { } partAfter)
                {
                    part = Split(partAfter.Groups["n"].Value)[0];
                    end = partAfter.Index + partAfter.Length;
                    if (Following(PointMarker(), text, end) is { } pointsAfter)
                    {
                        points = Letters(pointsAfter.Groups["l"].Value);
                        end = pointsAfter.Index + pointsAfter.Length;
                    }
                }
            }

            if (!CitesCriminalCode(text, end))
            {
                continue;
            }

            citations.AddRange(numbers.Select(n => new ArticleCitation(n, numbers.Count == 1 ? part : null, numbers.Count == 1 ? points : [], start, end)));
        }

        FindEnglish(text, citations);
        return citations;
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?:Articles?|Arts?\.)\s*(?<list>\d+(?:\.\d+)?(?:\s*\([0-9a-z.]+\))*(?:\s*(?:,|and)\s*(?:\([0-9a-z.]+\))+)*(?:\s*(?:,|and)\s*(?:Articles?\s*)?\d+(?:\.\d+)?(?:\s*\([0-9a-z.]+\))*)*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishArticle();

    [GeneratedRegex(@"\((?<n>[0-9.]+|[a-z])\)|(?<a>\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishParts();

    [GeneratedRegex(@"(?<code>Criminal\s+Procedure\s+Code|Code\s+of\s+Criminal\s+Procedure|Penal\s+Enforcement\s+Code|Code\s+of\s+Administrative\s+Offen[cs]es|Civil\s+Code|Labou?r\s+Code|Tax\s+Code|Convention|Constitution|Criminal\s+Code|\bCC\b|\bAct\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishCode();

    /// <summary>
    /// The English form of translated decisions: "Article 127.2(2)(c) of the Criminal Code", "Articles 126 and 127",
    /// "Art. 240(1)". The first code named after the citation decides, as in Russian; none named means the Criminal Code.
    /// </summary>
    private static void FindEnglish(string text, List<ArticleCitation> citations)
    {
        foreach (Match match in EnglishArticle().Matches(text))
        {
            var end = match.Index + match.Length;
            var limit = Math.Min(text.Length, end + 120);
            var next = EnglishArticle().Match(text, end);
            if (next.Success && next.Index < limit)
            {
                limit = next.Index;
            }

            var code = EnglishCode().Match(text, end, limit - end);
            if (code.Success && !Regex.IsMatch(code.Value, @"^(Criminal\s+Code|CC)$", RegexOptions.IgnoreCase))
            {
                continue;
            }

            string? article = null;
            string? part = null;
            var points = new List<string>();
            foreach (Match piece in EnglishParts().Matches(match.Groups["list"].Value))
            {
                if (piece.Groups["a"].Success)
                {
                    Flush();
                    article = piece.Groups["a"].Value;
                }
                else if (char.IsDigit(piece.Groups["n"].Value[0]) && part is null)
                {
                    part = piece.Groups["n"].Value;
                }
                else if (!char.IsDigit(piece.Groups["n"].Value[0]))
                {
                    points.Add(piece.Groups["n"].Value);
                }
            }

            Flush();

            void Flush()
            {
                if (article is not null)
                {
                    citations.Add(new ArticleCitation(article, part, [.. points], match.Index, end));
                }

                (article, part) = (null, null);
                points.Clear();
            }
        }
    }

    /// <summary>The distinct article numbers cited, in the Code's order (127 &lt; 127.1 &lt; 127.2 &lt; 158).</summary>
    public static IReadOnlyList<string> Articles(string text) =>
        [.. Find(text).Select(c => c.Article).Distinct().OrderBy(Reference.LegalReference.ArticleOrder)];

    /// <summary>A marker that ends exactly where <paramref name="before"/> ends, but for spaces.</summary>
    private static Match? Adjacent(Regex marker, string before)
    {
        var trimmed = before.TrimEnd();
        var window = trimmed.Length > 60 ? trimmed[^60..] : trimmed;
        var offset = trimmed.Length - window.Length;
        var found = marker.Matches(window).LastOrDefault(m => m.Index + m.Length == window.Length);
        return found is null ? null : marker.Match(trimmed, offset + found.Index, found.Length);
    }

    /// <summary>A marker that starts right after <paramref name="position"/>, but for spaces.</summary>
    private static Match? Following(Regex marker, string text, int position)
    {
        var at = position;
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        var match = marker.Match(text, at);
        return match.Success && match.Index == at ? match : null;
    }

    /// <summary>The first code named after the citation, before the sentence or the next article ends, decides.</summary>
    private static bool CitesCriminalCode(string text, int end)
    {
        var limit = Math.Min(text.Length, end + 120);
        var next = ArticleMarker().Match(text, end);
        if (next.Success && next.Index < limit)
        {
            limit = next.Index;
        }

        var code = CodeMarker().Match(text, end, limit - end);
        if (!code.Success)
        {
            // Later articles of one list share the code named at its end ("ст. 307, 308 УПК РФ" is caught above).
            return !(next.Success && next.Index - end < 4 && !CitesCriminalCode(text, next.Index + next.Length));
        }

        var name = code.Groups["code"].Value;
        return name == "УК" || name.StartsWith("Уголовн", StringComparison.Ordinal) && !name.StartsWith("Уголовно-", StringComparison.Ordinal);
    }

    private static List<string> Split(string numbers) =>
        [.. Regex.Split(numbers, @"\s*(?:,|и)\s*").Where(n => n.Length > 0)];

    private static List<string> Letters(string letters) =>
        [.. Regex.Split(letters, @"\s*(?:,|и)\s*").Select(l => l.Trim('«', '»', ' ').ToLowerInvariant().Replace('ё', 'е')).Where(l => l.Length > 0)];
}
