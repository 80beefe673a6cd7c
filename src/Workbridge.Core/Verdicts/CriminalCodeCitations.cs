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
    // A list of numbers: "151, 1064", "64 или 73", and a range "1099–1101" (its ends are taken).
    private const string Numbers = Number + @"(?:\s*(?:,|или|и|[-–—])\s*" + Number + ")*";
    private const string Letter = @"«?[а-яё]»?(?![а-яё])";
    private const string LetterList = Letter + @"(?:\s*(?:,|и)\s*" + Letter + ")*";

    [GeneratedRegex(@"(?<![а-яё])(?:ч\.?\s*ч\.?|ч\.|ч(?=\s*\d)|част[а-яё]*)\s*(?<n>" + Numbers + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartMarker();

    [GeneratedRegex(@"(?<![а-яё])(?:п\.?\s*п\.?|пп\.?|п\.|пункт[а-яё]*)\s*(?<l>" + LetterList + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointMarker();

    // The same markers read right to left, ending where the text before a citation ends: "п. «а» ч. 2 |ст. 127.2".
    [GeneratedRegex(@"(?<![а-яё])(?:ч\.?\s*ч\.?|ч\.|ч(?=\s*\d)|част[а-яё]*)\s*(?<n>" + Numbers + @")\s*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex PartMarkerBefore();

    [GeneratedRegex(@"(?<![а-яё])(?:п\.?\s*п\.?|пп\.?|п\.|пункт[а-яё]*)\s*(?<l>" + LetterList + @")\s*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex PointMarkerBefore();

    // The codes and acts a citation may belong to. Abbreviations and the Criminal Code's own name decide wherever they
    // stand before the next article; another code, the Constitution, a law or a convention written out in full
    // ("ст. 22 Трудового кодекса", "ст. 51 Конституции") decides only right after the number, since such words also
    // stand later in a sentence about something else. "Того же кодекса" refers to the code named before.
    [GeneratedRegex(@"(?<![А-ЯЁа-яё])(?<code>УК|УПК|УИК|КоАП|ГК|ГПК|АПК|ТК|НК|КАС|ЖК|СК|ЗК|БК)(?![А-ЯЁа-яё])|(?<code>Уголовн[а-яё]*\s+кодекс[а-яё]*|Уголовно-процессуальн[а-яё]*|Уголовно-исполнительн[а-яё]*)|(?<other>[Тт]рудов[а-яё]*\s+кодекс|[Гг]ражданск[а-яё]*\s+(?:процессуальн[а-яё]*\s+)?кодекс|[Нн]алогов[а-яё]*\s+кодекс|[Сс]емейн[а-яё]*\s+кодекс|[Жж]илищн[а-яё]*\s+кодекс|[Зз]емельн[а-яё]*\s+кодекс|[Бб]юджетн[а-яё]*\s+кодекс|[Аа]рбитражн[а-яё]*\s+процессуальн|Кодекс[а-яё]*\s+(?:Российской\s+Федерации\s+)?об\s+административн|Конституци[а-яё]*|[Фф]едеральн[а-яё]*\s+(?:конституционн[а-яё]*\s+)?закон|Закон[а-яё]*\s|Конвенци[а-яё]*|Правил\b|Правила\b|Положени[яе]\b)|(?<same>того\s+же\s+[Кк]одекса)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeMarker();

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<ArticleCitation> Find(string text) => Find(text, CourtText.Fold(text));

    /// <summary>As <see cref="Find(string)"/>, given the text folded by <see cref="CourtText.Fold(string)"/> (same length).</summary>
    public static IReadOnlyList<ArticleCitation> Find(string text, ReadOnlySpan<char> folded)
    {
        var citations = new List<ArticleCitation>();
        var previousCriminal = true;
        var markers = ArticleMarkers(text, folded);
        for (var m = 0; m < markers.Count; m++)
        {
            var article = markers[m];
            var numbers = Split(article.Groups["n"].Value);
            var start = article.Index;
            var end = article.Index + article.Length;
            string? part = null;
            IReadOnlyList<string> points = [];

            // Prose form: points and part stand right before the article ("п. «а» ч. 2 ст. 127.2").
            if (Adjacent(PartMarkerBefore(), text, start, char.IsAsciiDigit) is { } partBefore)
            {
                part = Split(partBefore.Groups["n"].Value).FirstOrDefault();
                start = partBefore.Index;
                if (Adjacent(PointMarkerBefore(), text, start, static c => c is '»' or (>= 'а' and <= 'я') or (>= 'А' and <= 'Я') or 'ё' or 'Ё') is { } pointsBefore)
                {
                    points = Letters(pointsBefore.Groups["l"].Value);
                    start = pointsBefore.Index;
                }
            }
            else if (numbers.Count == 1)
            {
                // Metadata form: part and points follow the article ("ст.126 ч.2 п.п.а,в,з").
                if (Following(PartMarker(), 'ч', text, end) is { } partAfter)
                {
                    part = Split(partAfter.Groups["n"].Value).FirstOrDefault();
                    end = partAfter.Index + partAfter.Length;
                    if (Following(PointMarker(), 'п', text, end) is { } pointsAfter)
                    {
                        points = Letters(pointsAfter.Groups["l"].Value);
                        end = pointsAfter.Index + pointsAfter.Length;
                    }
                }
            }

            // "ст. 18.15 того же Кодекса" belongs where the citation before it did.
            var criminal = CitesCriminalCode(text, end, markers, m + 1) ?? previousCriminal;
            previousCriminal = criminal;
            if (!criminal)
            {
                continue;
            }

            citations.AddRange(numbers.Select(n => new ArticleCitation(n, numbers.Count == 1 ? part : null, numbers.Count == 1 ? points : [], start, end)));
        }

        FindEnglish(text, folded, citations);
        return citations;
    }

    // "Article 127.2(2)(c)", "Article 105 § 1", "Articles 126 and 127", "Article 105 § 1 and Article 158 § 2 (c)".
    // "Articles 64 or 73", "Articles 126, 127, and 127.2".
    // A comma, "and", "or" or ", and"; not ", or", which as often leads to a number that is no article ("Article 158, or
    // 5 years").
    private const string EnglishJoin = @"(?:,\s*and|,|and|or)";

    private const string EnglishPart = @"(?:\s*\([0-9a-z.]+\)|\s*§\s*\d+(?:\.\d+)?)";

    [GeneratedRegex(@"\G(?:Articles?|Arts?\.)\s*(?<list>\d+(?:\.\d+)?" + EnglishPart + @"*(?:\s*" + EnglishJoin + @"\s*(?:\([0-9a-z.]+\))+)*(?:\s*" + EnglishJoin + @"\s*(?:Articles?\s*)?\d+(?:\.\d+)?" + EnglishPart + @"*)*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishArticle();

    [GeneratedRegex(@"\((?<n>[0-9.]+|[a-z])\)|§\s*(?<n>[0-9.]+)|(?<a>\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishParts();

    [GeneratedRegex(@"(?<same>(?:the\s+)?same\s+Code|that\s+Code)|(?<code>(?:Italian|German|French|Spanish|Portuguese|Dutch|Belgian|Austrian|Swiss|Greek|Cypriot|Turkish|Polish|Czech|Slovak|Finnish|Swedish|Norwegian|Danish|Latvian|Lithuanian|Estonian|Ukrainian|Belarusian|Moldovan|Romanian|Bulgarian|Serbian|Croatian|Georgian|Armenian|Azerbaijani|Kazakh|Uzbek|Kyrgyz|Tajik)\s+Criminal\s+Code|Criminal\s+Procedure\s+Code|Code\s+of\s+Criminal\s+Procedure|\bCCrP\b|\bCrPC\b|\bCPC\b|Penal\s+Enforcement\s+Code|Code\s+(?:of|on)\s+(?:the\s+)?Execution\s+of\s+(?:Criminal\s+)?(?:Sentences|Punishments?)|Code\s+of\s+Administrative\s+Offen[cs]es|Civil\s+Code|Labou?r\s+Code|Tax\s+Code|Convention|Constitution|Criminal\s+Code|\bCC\b|(?-i:\bAct\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishCode();

    /// <summary>
    /// The English form of translated decisions: "Article 127.2(2)(c) of the Criminal Code", "Articles 126 and 127",
    /// "Art. 240(1)". The first code named after the citation decides, as in Russian; none named means the Criminal Code.
    /// </summary>
    private static void FindEnglish(string text, ReadOnlySpan<char> folded, List<ArticleCitation> citations)
    {
        var previousCriminal = true;
        var settingOutOther = false;
        List<Match>? codesNamed = null;
        var convention = text.Contains("the Convention", StringComparison.Ordinal);
        if (!folded.Contains("art", StringComparison.Ordinal))
        {
            return;
        }

        var matches = EnglishArticles(text, folded);
        for (var m = 0; m < matches.Count; m++)
        {
            var match = matches[m];
            var end = match.Index + match.Length;
            var limit = Math.Min(text.Length, end + 120);
            // A blank line ends the paragraph: the code the next one names is not this citation's.
            var blank = text.AsSpan(end, limit - end).IndexOf("\n\n");
            limit = blank >= 0 ? end + blank : limit;
            if (m + 1 < matches.Count && matches[m + 1].Index < limit)
            {
                limit = matches[m + 1].Index;
            }

            var code = EnglishCode().Match(text, end, limit - end);
            // A bare article in a text about the European Convention ("complaints under Articles 3 and 4") is the
            // Convention's when the Convention has such an article (1 to 59). In a paragraph that sets out another code
            // ("Article 103 of the Penal Enforcement Code provides that … Article 105 provides that … Under Article 115
            // …"), a bare article that is set out the same way is that code's. Elsewhere it is the Criminal Code's: "He
            // was charged under Article 127.2" after a citation of the Code of Criminal Procedure still is.
            var sameParagraph = m > 0 && text.AsSpan(matches[m - 1].Index, match.Index - matches[m - 1].Index).IndexOf('\n') < 0;
            // A code may also be named just before: "The Penal Enforcement Code provides, in Article 103, that …"; and a
            // statute's excerpt heads each article on a line of its own ("Article 43. The concept and purposes of
            // punishment"), after a paragraph naming the code ("The Criminal Code … provides, in so far as relevant:").
            var before = !code.Success ? CodeBefore().Match(text, Math.Max(0, match.Index - 120), Math.Min(120, match.Index)) : null;
            var heading = IsHeading(text, match.Index, end);
            if (before is { Success: true })
            {
                code = before;
            }
            else if (heading)
            {
                codesNamed ??= [.. EnglishCode().Matches(text).Where(c => !c.Groups["same"].Success)];
                code = codesNamed.LastOrDefault(c => c.Index < match.Index) ?? Match.Empty;
            }
            else if (!code.Success && Parenthetical(text, match.Index, end))
            {
                // "The Penal Enforcement Code provides that every prisoner is obliged to work (Article 103), …": an article
                // in brackets belongs to the code its paragraph sets out.
                var paragraph = text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
                var subject = CodeProvides().Match(text, paragraph, match.Index - paragraph);
                code = subject.Success ? subject : code;
            }

            var criminal = !code.Success ? (!convention || !ConventionArticle(match.Groups["list"].Value)) && !(sameParagraph && settingOutOther && !ChargedUnder(text, match))
                : code.Groups["same"].Success ? previousCriminal
                : CriminalCodeName().IsMatch(code.Groups["code"].Value);
            // A paragraph sets out another code from the citation that names it so ("Article 103 of the Penal Enforcement
            // Code provides", "The Penal Enforcement Code provides, in Article 103", "Under Article 103 of the Code of
            // Execution of Criminal Sentences, each prisoner …", "(Article 116 of that Code)") to its end.
            settingOutOther = code.Success
                ? !criminal && code.Value.Contains("Code", StringComparison.OrdinalIgnoreCase)
                    && (code.Index < match.Index || code.Groups["same"].Success && settingOutOther
                        || SetsOut().IsMatch(text.AsSpan(code.Index + code.Length, Math.Min(40, text.Length - code.Index - code.Length)))
                        || UnderBefore().IsMatch(text.AsSpan(Math.Max(0, match.Index - 16), Math.Min(16, match.Index))))
                : settingOutOther && sameParagraph;
            previousCriminal = criminal;
            if (!criminal)
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

    /// <summary>
    /// Whether a bare article in a paragraph that sets out another code is a charge nonetheless: "He was convicted under
    /// Article 127.2"; "Under Article 105 § 1, prisoners are paid", "(Article 116 § 1)" or "the measures listed in Article
    /// 115" belong to the code set out.
    /// </summary>
    private static bool ChargedUnder(string text, Match match) =>
        ChargeBefore().IsMatch(text.AsSpan(Math.Max(0, match.Index - 60), Math.Min(60, match.Index)));

    // Words of a charge or a conviction in the same sentence before the article.
    [GeneratedRegex(@"\b(?:convicted|charged|sentenced|guilty|prosecuted|indicted|accused|suspicion|suspected|liable|crimes?|criminal\s+(?:case|offen[cs]es?|proceedings|liability|charges?))\b[^.;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChargeBefore();

    [GeneratedRegex(@"^(?:Criminal\s+Code|CC)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CriminalCodeName();

    /// <summary>An article that heads a statute's excerpt: alone at the start of its line, its number followed by ". Title".</summary>
    private static bool IsHeading(string text, int start, int end)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        return text.AsSpan(lineStart, start - lineStart).IsWhiteSpace()
            && end + 2 < text.Length && text[end] == '.' && text[end + 1] == ' ' && char.IsUpper(text[end + 2]);
    }

    private const string CodeSettingOut = @"(?<code>Criminal\s+Procedure\s+Code|Code\s+of\s+Criminal\s+Procedure|Penal\s+Enforcement\s+Code|Code\s+(?:of|on)\s+(?:the\s+)?Execution\s+of\s+(?:Criminal\s+)?(?:Sentences|Punishments?)|Code\s+of\s+Administrative\s+Offen[cs]es|Civil\s+Code|Labou?r\s+Code|Tax\s+Code|Criminal\s+Code)(?:\s+of\s+the\s+Russian\s+Federation)?\s*,?\s*(?:provides|states|stipulates|lays\s+down|reads)";

    [GeneratedRegex(CodeSettingOut + @"\s*,?\s*(?:in\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex CodeBefore();

    // The last code a paragraph sets out before a place: "The Penal Enforcement Code provides that …".
    [GeneratedRegex(CodeSettingOut, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex CodeProvides();

    /// <summary>Whether an article stands alone in brackets: "(Article 103)", "(Articles 105 and 107)".</summary>
    private static bool Parenthetical(string text, int start, int end) =>
        text.AsSpan(0, start).TrimEnd().EndsWith("(") && text.AsSpan(end).TrimStart().StartsWith(")");

    // "… provides that", "… states", "… lays down": an article set out, as a law's summary does ("Article 103 of the Penal
    // Enforcement Code of the Russian Federation provides that …").
    [GeneratedRegex(@"^[\s,]*(?:of\s+(?:the\s+)?[A-Z][A-Za-z\s]{0,40}?Code\s*)?(?:of\s+the\s+Russian\s+Federation\s*,?\s*)?(?:provides|states|stipulates|lays\s+down|establishes|sets\s+out|prescribes|requires|entitles|governs|regulates|defines)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SetsOut();

    // "Under Article 115 a refusal …" opening a sentence or a clause ("…, and, under Article 107, …"), not "convicted
    // under Article 127.2".
    [GeneratedRegex(@"(?:^|[.;:(]\s*Under|,\s*(?:and\s*,?\s*)?under)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex UnderBefore();

    /// <summary>English article markers, tried only where a word starts with "art" (as <see cref="ArticleMarkers"/> does for "ст").</summary>
    private static List<Match> EnglishArticles(string text, ReadOnlySpan<char> folded) =>
        Markers(text, folded, "art", EnglishArticle(), static (text, _, at) => at == 0 || !char.IsAsciiLetter(text[at - 1]));

    /// <summary>The distinct article numbers cited, in the Code's order (127 &lt; 127.1 &lt; 127.2 &lt; 158).</summary>
    public static IReadOnlyList<string> Articles(string text) => Articles(text, CourtText.Fold(text));

    /// <summary>As <see cref="Articles(string)"/>, given the folded text.</summary>
    public static IReadOnlyList<string> Articles(string text, ReadOnlySpan<char> folded) =>
        [.. Find(text, folded).Select(c => c.Article).Distinct().OrderBy(Reference.LegalReference.ArticleOrder)];

    /// <summary>
    /// The article markers of a text. The regular expression is tried only where a word starts with "ст", found by a
    /// vectorised search in the folded (lower-case) text: searching the whole text with the expression would stop at
    /// every "с" of Russian prose.
    /// </summary>
    private static List<Match> ArticleMarkers(string text, ReadOnlySpan<char> folded) =>
        Markers(text, folded, "ст", ArticleMarkerAt(), static (text, folded, at) => (at == 0 || !char.IsLetter(text[at - 1])) && CouldCiteArticle(folded[(at + 2)..]));

    /// <summary>Whether a citation may start at a place where the marker's opening letters stand.</summary>
    private delegate bool MayStart(string text, ReadOnlySpan<char> folded, int at);

    /// <summary>
    /// The matches of an anchored marker expression, tried only where the folded text has the marker's opening letters
    /// and <paramref name="mayStart"/> allows a citation there.
    /// </summary>
    private static List<Match> Markers(string text, ReadOnlySpan<char> folded, string opening, Regex marker, MayStart mayStart)
    {
        var markers = new List<Match>();
        var at = 0;
        while (at <= text.Length - opening.Length)
        {
            var next = folded[at..].IndexOf(opening, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            at += next;
            if (mayStart(text, folded, at))
            {
                var match = marker.Match(text, at);
                if (match.Success)
                {
                    markers.Add(match);
                    at = match.Index + match.Length;
                    continue;
                }
            }

            at++;
        }

        return markers;
    }

    /// <summary>What may follow "ст" in a citation: "ст.", "ст 127", "ст ст.", "статья", "статей"; not "стал", "сторона".</summary>
    private static bool CouldCiteArticle(ReadOnlySpan<char> after) =>
        after.IsEmpty || after[0] is '.' or ' ' || char.IsAsciiDigit(after[0]) || after.StartsWith("ать", StringComparison.Ordinal)
        || after.StartsWith("атей", StringComparison.Ordinal);

    [GeneratedRegex(@"\G(?:ст\.?\s*ст\.?|ст\.|ст(?=\s*\d)|стать[а-яё]*|статей)\s*(?<n>" + Numbers + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleMarkerAt();

    /// <summary>
    /// A marker that ends exactly where the text before <paramref name="end"/> ends, but for spaces; tried only when
    /// the last character before the spaces can end one (<paramref name="last"/>: a digit, a point's letter).
    /// </summary>
    private static Match? Adjacent(Regex markerBefore, string text, int end, Func<char, bool> last)
    {
        var before = text.AsSpan(0, end).TrimEnd();
        if (before.IsEmpty || !last(before[^1]))
        {
            return null;
        }

        var from = Math.Max(0, end - 60);
        var found = markerBefore.Match(text, from, end - from);
        if (!found.Success)
        {
            return null;
        }

        // The match carries the trailing spaces; its groups are what the callers read, its start where the citation starts.
        return found;
    }

    /// <summary>A marker that starts right after <paramref name="position"/>, but for spaces, with the letter <paramref name="opening"/> ("ч.", "п.").</summary>
    private static Match? Following(Regex marker, char opening, string text, int position)
    {
        var at = position;
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        if (at == text.Length || char.ToLowerInvariant(text[at]) != opening)
        {
            return null;
        }

        // Bounded: a failed match must not scan the rest of the text.
        var match = marker.Match(text, at, Math.Min(80, text.Length - at));
        return match.Success && match.Index == at ? match : null;
    }

    /// <summary>
    /// The first code named after the citation, before the sentence or the next article ends, decides; null when that is
    /// "the same code" as the citation before.
    /// </summary>
    private static bool? CitesCriminalCode(string text, int end, List<Match> markers, int following)
    {
        var limit = Math.Min(text.Length, end + 120);
        // The next article marker at or after the end (a part's or points' marker may reach past the one that follows).
        while (following < markers.Count && markers[following].Index < end)
        {
            following++;
        }

        var next = following < markers.Count ? markers[following] : null;
        if (next is not null && next.Index < limit)
        {
            limit = next.Index;
        }

        // Most citations end "… УК РФ": the Criminal Code named at once needs no search.
        var first = text.AsSpan(end, limit - end).TrimStart();
        if (first.StartsWith("УК", StringComparison.Ordinal) && (first.Length == 2 || !char.IsLetter(first[2])))
        {
            return true;
        }

        // The first code named, skipping a code written out in full that does not stand right after the number.
        var code = CodeMarker().Match(text, end, limit - end);
        while (code.Success && code.Groups["other"].Success && code.Index - end > 3)
        {
            code = code.NextMatch();
        }

        if (!code.Success)
        {
            // Later articles of one list share the code named at its end ("ст. 307, 308 УПК РФ" is caught above).
            return next is not null && JoinsList(text.AsSpan(end, next.Index - end)) ? CitesCriminalCode(text, next.Index + next.Length, markers, following + 1) : true;
        }

        if (code.Groups["same"].Success)
        {
            return null;
        }

        if (code.Groups["other"].Success)
        {
            return false;
        }

        var name = code.Groups["code"].Value;
        return name == "УК" || name.StartsWith("Уголовн", StringComparison.Ordinal) && !name.StartsWith("Уголовно-", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the text between two article markers only joins them into one list ("ст. 18.8 и ч. 1 ст. 18.10 КоАП",
    /// "ст. 307, 308"): commas, "и", and the next citation's part and points.
    /// </summary>
    private static bool JoinsList(ReadOnlySpan<char> between) => between.Length < 4 || between.Length <= 40 && ListJoin().IsMatch(between);

    // A comma, "и", and the next citation's part and points (lettered in the Criminal Code, numbered in others), each a
    // marker with its numbers or letters: nothing else.
    [GeneratedRegex(@"^[\s,;]*(?:(?:и|или)\s+)?(?:(?:ч\.?\s*ч\.?|ч\.|ч(?=\s*\d)|част[а-яё]*)\s*" + Numbers + @"\s*|(?:п\.?\s*п\.?|пп\.?|п\.|пункт[а-яё]*)\s*(?:" + LetterList + "|" + Numbers + @")\s*)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListJoin();

    private static bool ConventionArticle(string list) =>
        EnglishParts().Match(list) is { Success: true } first && first.Groups["a"].Success
        && !first.Value.Contains('.') && int.TryParse(first.Value, out var number) && number < 60;

    // The expressions ignore case, so the joining words may be capitals too ("СТ. 64 ИЛИ 73 УК РФ").
    private static List<string> Split(string numbers) =>
        [.. numbers.ToLowerInvariant().Replace("или", ",", StringComparison.Ordinal).Split([',', 'и', '-', '–', '—'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(n => WholeNumber().IsMatch(n))];

    [GeneratedRegex(@"^\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    private static List<string> Letters(string letters) =>
        [.. letters.ToLowerInvariant().Split([',', 'и'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim('«', '»', ' ').Replace('ё', 'е')).Where(l => l.Length > 0)];
}
