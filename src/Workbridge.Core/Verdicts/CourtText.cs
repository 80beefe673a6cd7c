using System.Text;

namespace Workbridge.Core.Verdicts;

/// <summary>A sentence of a text, as character offsets into it (end exclusive).</summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Text handling for court decisions. <see cref="Fold(string)"/> keeps every character where it was (one in, one out), so an
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

    // Words shortened before a number ("в 10 час. 30 мин.", "абз. 2", "pp. 14"), besides the abbreviations above: a
    // period after one of them, then a number, goes on with the sentence.
    private static readonly HashSet<string> _beforeNumber = new(StringComparer.Ordinal)
    {
        "час", "мес", "абз", "прим", "пом", "каб", "пер", "мкр", "тел", "исх", "вх", "разд", "рис", "табл", "вып", "прот",
        "напр", "шт", "кг", "ком", "комн", "просп", "наб", "прил", "подп", "гол", "млрд", "долл", "экз", "ежедн", "pp",
        "vol", "nos", "approx", "sec", "fig", "arts", "paras", "hrs", "min",
    };

    private static readonly System.Buffers.SearchValues<char> _stops = System.Buffers.SearchValues.Create(".!?;\n");

    // NFKC of single characters that map to one character (full-width letters, compatibility forms), computed on first
    // use; '\0' = not yet known. Characters whose NFKC is longer ("ﬁ" → "fi") are kept: folding never moves an offset.
    private static readonly char[] _compatibility = new char[char.MaxValue + 1];

    /// <summary>
    /// Lower case, ё → е, every quote mark → ", every dash → -, every space → ' '; the same length as the input, so every
    /// offset in the folded text is the same offset in the original. Unicode normalisation (NFKC) is applied where it
    /// keeps lengths: a character whose compatibility form is one character is replaced by it (full-width "Ａ" → "a"),
    /// and a combining mark that composes with the letter before it is folded into that letter ("и" + U+0306 → "й",
    /// "е" + U+0308 → "е") and left in place as a mark, which <see cref="Tokens"/> reads as part of the word and leaves
    /// out of its key. Characters whose compatibility form is longer (ligatures, fractions) stay as they are.
    /// </summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (folded, source) => Fold(source, folded));

    /// <summary>Folds <paramref name="text"/> into <paramref name="folded"/>, which must be as long.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Fold(ReadOnlySpan<char> text, Span<char> folded)
    {
        if (folded.Length < text.Length)
        {
            throw new ArgumentException("The folded span must be as long as the text.", nameof(folded));
        }

        var i = 0;
        if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            // Eight characters at a time while they are printable ASCII (but quotes) or basic Cyrillic letters, which
            // only need lower case; anything else goes through the table below one character at a time.
            var source = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
            var target = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(folded);
            var upperLatin = System.Runtime.Intrinsics.Vector128.Create((ushort)'A');
            var upperCyrillic = System.Runtime.Intrinsics.Vector128.Create((ushort)'А');
            var cyrillic = System.Runtime.Intrinsics.Vector128.Create((ushort)'А');
            var space = System.Runtime.Intrinsics.Vector128.Create((ushort)' ');
            var quote = System.Runtime.Intrinsics.Vector128.Create((ushort)'\'');
            var backtick = System.Runtime.Intrinsics.Vector128.Create((ushort)'`');
            var offset = System.Runtime.Intrinsics.Vector128.Create((ushort)32);
            for (; i + 8 <= text.Length; i += 8)
            {
                var chars = System.Runtime.Intrinsics.Vector128.Create(source.Slice(i, 8));
                var ascii = System.Runtime.Intrinsics.Vector128.LessThan(chars - space, System.Runtime.Intrinsics.Vector128.Create((ushort)(0x7F - ' ')))
                    & ~System.Runtime.Intrinsics.Vector128.Equals(chars, quote) & ~System.Runtime.Intrinsics.Vector128.Equals(chars, backtick);
                var russian = System.Runtime.Intrinsics.Vector128.LessThan(chars - cyrillic, System.Runtime.Intrinsics.Vector128.Create((ushort)64));
                if ((ascii | russian) != System.Runtime.Intrinsics.Vector128<ushort>.AllBitsSet)
                {
                    FoldScalar(text, folded, i, i + 8);
                    continue;
                }

                var upper = System.Runtime.Intrinsics.Vector128.LessThan(chars - upperLatin, System.Runtime.Intrinsics.Vector128.Create((ushort)26))
                    | System.Runtime.Intrinsics.Vector128.LessThan(chars - upperCyrillic, System.Runtime.Intrinsics.Vector128.Create((ushort)32));
                System.Runtime.Intrinsics.Vector128.CopyTo(chars + (offset & upper), target.Slice(i, 8));
            }
        }

        FoldScalar(text, folded, i, text.Length);
    }

    /// <summary>Folds the characters from <paramref name="from"/> to <paramref name="to"/> one at a time.</summary>
    private static void FoldScalar(ReadOnlySpan<char> text, Span<char> folded, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            folded[i] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                >= 'А' and <= 'Я' => (char)(c + 32),
                >= 'а' and <= 'я' => c,
                'ё' or 'Ё' => 'е',
                ' ' or '\n' or '\r' or '\t' => ' ',
                '«' or '»' or '„' or '“' or '”' or '‟' or '″' or '\'' or '‘' or '’' or '`' => '"',
                '–' or '—' or '‒' or '―' or '‐' or '‑' or '−' => '-',
                < '\u0080' => c,
                _ => FoldRare(text, folded, i),
            };
        }
    }

    private static char FoldRare(ReadOnlySpan<char> text, Span<char> folded, int i)
    {
        var c = text[i];
        if (char.IsWhiteSpace(c))
        {
            return ' ';
        }

        var category = char.GetUnicodeCategory(c);
        if (category == System.Globalization.UnicodeCategory.NonSpacingMark && i > 0 && char.IsLetter(text[i - 1]))
        {
            var composed = string.Concat(text[i - 1].ToString(), c.ToString()).Normalize(NormalizationForm.FormC);
            if (composed.Length == 1)
            {
                folded[i - 1] = FoldOne(composed[0]);
            }

            return c;
        }

        if (char.IsSurrogate(c) || category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format)
        {
            return c;
        }

        return FoldOne(c);
    }

    private static char FoldOne(char c)
    {
        if (c is 'ё' or 'Ё')
        {
            return 'е';
        }

        var known = _compatibility[c];
        if (known == '\0')
        {
            var normal = c.ToString().Normalize(NormalizationForm.FormKC);
            known = normal.Length == 1 ? char.ToLowerInvariant(normal[0]) : char.ToLowerInvariant(c);
            known = known == 'ё' ? 'е' : known;
            _compatibility[c] = known;
        }

        return known;
    }

    /// <summary>
    /// The words and numbers of a folded text between <paramref name="start"/> and <paramref name="end"/>: runs of letters
    /// (with combining marks, soft hyphens and joiners inside them) and runs of digits. Punctuation and spaces are not
    /// tokens; hyphenated words are two tokens.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Tokens(ReadOnlySpan<char> folded, int start, int end, List<TextToken> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = folded[i];
            if (char.IsAsciiDigit(c))
            {
                var from = i;
                var hash = WordCache.Seed;
                while (i < end && char.IsAsciiDigit(folded[i]))
                {
                    hash = WordCache.Step(hash, folded[i]);
                    i++;
                }

                tokens.Add(new TextToken(from, i - from, TokenScript.Number, Plain: true, WordCache.Finish(hash)));
            }
            else if (IsLetter(c))
            {
                var from = i;
                var cyrillic = false;
                var latin = false;
                var other = false;
                var hash = WordCache.Seed;
                while (i < end)
                {
                    var letter = folded[i];
                    if (letter is >= 'а' and <= 'я')
                    {
                        cyrillic = true;
                    }
                    else if (letter is >= 'a' and <= 'z')
                    {
                        latin = true;
                    }
                    else if (IsLetter(letter) || IsInsideWord(letter))
                    {
                        other = true;
                        cyrillic |= letter is >= '\u0400' and <= '\u04ff';
                    }
                    else
                    {
                        break;
                    }

                    hash = WordCache.Step(hash, letter);
                    i++;
                }

                var script = cyrillic ? TokenScript.Cyrillic : latin ? TokenScript.Latin : TokenScript.Other;
                tokens.Add(new TextToken(from, i - from, script, !other && !(cyrillic && latin), WordCache.Finish(hash)));
            }
            else
            {
                i++;
            }
        }
    }

    private static readonly string[] _operativeWords =
        ["приговорил", "приговорила", "приговорили", "постановил", "постановила", "постановили", "определил", "определила", "определили", "решил", "решила",
         "sentenced", "held", "holds", "ruled", "decided", "ordered", "adjudged", "resolved"];

    /// <summary>
    /// Where the operative part of a decision starts: after the last line that is only "ПРИГОВОРИЛ:", "ПОСТАНОВИЛ(А):",
    /// "ОПРЕДЕЛИЛ(А):" or "РЕШИЛ:" (letters may be spaced out), or in English translations "SENTENCED:", "HELD:",
    /// "RULED:", "DECIDED:", "ORDERED:", "ADJUDGED:", or a line that opens "For these reasons, the Court" (a European Court judgment);
    /// the text's length when there is none.
    /// </summary>
    public static int OperativePart(ReadOnlySpan<char> text, ReadOnlySpan<char> folded)
    {
        // Line by line from the end: the operative part is near the end, and one backward pass costs little.
        for (var end = text.Length; end > 0;)
        {
            var lineStart = text[..end].LastIndexOf('\n') + 1;
            var line = folded[lineStart..end].Trim();
            if (line.StartsWith("for these reasons, the court", StringComparison.Ordinal))
            {
                // The holding may follow on the same line ("…, the Court, unanimously, holds that …").
                return lineStart;
            }

            if (IsHeading(line, _operativeWords))
            {
                return end;
            }

            end = lineStart - 1;
        }

        return text.Length;
    }

    /// <summary>
    /// Whether an operative part acquits and finds no one guilty ("признать виновным"): it acquits ("оправдать",
    /// "признать невиновным") or upholds an acquittal ("оправдательный приговор … оставить без изменения"), or ends the
    /// whole case for want of a crime ("прекратить … в связи с отсутствием состава преступления", "право на
    /// реабилитацию") without leaving the rest of a conviction standing ("в остальном … без изменения"). A complaint
    /// "об оправдании" dismissed, or an acquittal quashed, is not an acquittal.
    /// </summary>
    public static bool Acquits(ReadOnlySpan<char> operativeFolded)
    {
        var innocent = Count(operativeFolded, "невиновн");
        if (Count(operativeFolded, "виновн") - innocent > 0)
        {
            return false;
        }

        var upheld = operativeFolded.Contains("без изменения", StringComparison.Ordinal);
        var quashed = operativeFolded.Contains("отменить", StringComparison.Ordinal);
        var acquittalUpheld = operativeFolded.Contains("оправдательн", StringComparison.Ordinal) && upheld && !quashed;
        var acquits = innocent > 0 || acquittalUpheld || ContainsWord(operativeFolded, "оправдать") || ContainsWord(operativeFolded, "оправдан")
            || ContainsWord(operativeFolded, "оправдана") || ContainsWord(operativeFolded, "оправданы");
        var ended = (operativeFolded.Contains("реабилитац", StringComparison.Ordinal)
                || operativeFolded.Contains("прекрат", StringComparison.Ordinal) && operativeFolded.Contains("отсутствием", StringComparison.Ordinal))
            && !Partly(operativeFolded) && !(upheld && !quashed);
        return acquits || ended || AcquitsInEnglish(operativeFolded);
    }

    /// <summary>
    /// Whether an operative part acquits of the charge of slave labour (art. 127.2) while it convicts of something else
    /// ("по обвинению … п. «а» ч. 2 ст. 127.2 УК РФ оправдать … признать виновным … ч. 1 ст. 322.1"): the court then
    /// found that no one's work was exacted, and the facts of that charge that the decision retells are the indictment's.
    /// Every line (or clause) that cites the article must acquit of it, or end its prosecution for want of a crime (an
    /// appeal that quashes the conviction under it and ends the case "за отсутствием в деянии состава преступления"),
    /// and none may convict or quash otherwise ("оправдательный приговор … отменить"): a co-defendant or another episode
    /// convicted under art. 127.2 leaves the facts found. An acquittal of trafficking (art. 127.1) is not enough: the sale
    /// may be unproven and the exploitation found under art. 240.
    /// </summary>
    public static bool AcquitsOfSlaveLabour(ReadOnlySpan<char> operativeText, ReadOnlySpan<char> operativeFolded) =>
        AcquitsOf("127.2", operativeText, operativeFolded) || AcquitsOfForcedProstitution(operativeText, operativeFolded);

    /// <summary>
    /// Whether an operative part acquits of forcing into prostitution (art. 240) and convicts of something else
    /// ("по … ч. 2 ст. 240 УК РФ оправдать … признать виновной … ч. 1 ст. 241"), none of it the taking or holding of a
    /// person (arts. 126, 127, 127.1, 127.2): the court found the prostitution it punishes voluntary.
    /// </summary>
    private static bool AcquitsOfForcedProstitution(ReadOnlySpan<char> operativeText, ReadOnlySpan<char> operativeFolded)
    {
        foreach (var range in operativeText.SplitAny(";\n"))
        {
            var line = operativeFolded[range];
            if (Count(line, "виновн") > Count(line, "невиновн") && (CitedAt(line, "126") >= 0 || CitedAt(line, "127") >= 0 || CitedAt(line, "127.1") >= 0 || CitedAt(line, "127.2") >= 0))
            {
                return false;
            }
        }

        return AcquitsOf("240", operativeText, operativeFolded);
    }

    /// <summary>Where a folded line cites the article, or -1: "240" in "ст. 240", not in "240.1" or "1240".</summary>
    private static int CitedAt(ReadOnlySpan<char> line, string article)
    {
        for (var at = line.IndexOf(article, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + article.Length;
            var before = at == 0 || !(char.IsAsciiDigit(line[at - 1]) || line[at - 1] == '.');
            var after = end == line.Length || !(char.IsAsciiDigit(line[end]) || line[end] == '.' && end + 1 < line.Length && char.IsAsciiDigit(line[end + 1]));
            if (before && after)
            {
                return at;
            }

            var next = line[(at + 1)..].IndexOf(article, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return -1;
    }

    private static bool AcquitsOf(string articleCited, ReadOnlySpan<char> operativeText, ReadOnlySpan<char> operativeFolded)
    {
        var acquitted = false;
        var ended = false;
        var upheldForSomeone = false;
        // Lines are found in the text: folding makes line breaks spaces.
        foreach (var range in operativeText.SplitAny(";\n"))
        {
            var line = operativeFolded[range];
            var article = CitedAt(line, articleCited);
            if (article < 0)
            {
                upheldForSomeone |= line.Contains("без изменения", StringComparison.Ordinal) && line.Contains("в отношении", StringComparison.Ordinal);
                continue;
            }

            var innocent = Count(line, "невиновн");
            // A prosecution for it ended for want of a crime ("в части осуждения по ч. 2 ст. 127.2 УК РФ отменить,
            // уголовное дело в этой части прекратить … за отсутствием в деянии состава преступления") acquits as well:
            // the part named before the article, the ending after it; not a motion to end it refused, nor a judgment
            // upheld.
            if (line[..article].Contains("в части", StringComparison.Ordinal) && line[article..].Contains("прекрат", StringComparison.Ordinal)
                && ContainsAny(line, ["отсутстви", "реабилитац"]) && Count(line, "виновн") <= innocent
                && !ContainsAny(line, ["отказать", "ходатайств", "без изменения", "осужденн"]))
            {
                acquitted = true;
                ended = true;
                continue;
            }

            var acquits = innocent > 0 || ContainsWord(line, "оправдать") || ContainsWord(line, "оправдан") || ContainsWord(line, "оправдана")
                || ContainsWord(line, "оправданы") || ContainsWord(line, "acquitted") || ContainsWord(line, "acquit");
            if (!acquits || ContainsAny(line, ["отменить", "quash", "set aside", "request", "dismiss", "convicted"])
                || Count(line, "виновн") > innocent || Count(line, "guilty") > Count(line, "not guilty"))
            {
                return false;
            }

            acquitted = true;
        }

        // Another's judgment upheld beside a count ended ("этот же приговор в отношении Иванова оставить без изменения")
        // may be a conviction under the article that does not name it again.
        return acquitted && !(ended && upheldForSomeone);
    }

    /// <summary>
    /// Whether an operative part quashes or reclassifies the judgment under appeal ("приговор отменить",
    /// "переквалифицировать … на ч. 2 ст. 330", "quashed", "reclassified"): the findings it retells are then not adopted.
    /// </summary>
    public static bool Reverses(ReadOnlySpan<char> operativeFolded)
    {
        // Clause by clause, at ";" (its sentences are full of abbreviations: "г. Самары", "от 1 марта 2020 г."). Not at
        // line breaks, which folding has made spaces: a text wrapped at a fixed width (taken from a PDF) breaks
        // "приговор … в отношении / Иванова … отменить" across lines.
        foreach (var range in operativeFolded.Split(';'))
        {
            var line = operativeFolded[range];
            if (line.Contains("переквалифицир", StringComparison.Ordinal) || QuashesJudgment(line) || QuashesInEnglish(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an "отменить" of the line has the judgment as its object: the nearest object before it is "приговор", not
    /// a measure ("меру пресечения", "арест", "запрет") or a suspended sentence ("условное осуждение по приговору …").
    /// </summary>
    private static bool QuashesJudgment(ReadOnlySpan<char> line)
    {
        for (var at = line.IndexOf("отменить", StringComparison.Ordinal); at >= 0;)
        {
            var before = line[..at];
            var judgment = before.LastIndexOf("приговор", StringComparison.Ordinal);
            var other = -1;
            foreach (var object_ in (ReadOnlySpan<string>)["пресечени", "арест", "запрет", "осуждени"])
            {
                other = Math.Max(other, before.LastIndexOf(object_, StringComparison.Ordinal));
            }

            // "… по приговору от 1 марта 2018 года отменить": the judgment names what is cancelled, it is not cancelled.
            if (judgment >= 0 && judgment > other && !before[..judgment].EndsWith("по "))
            {
                return true;
            }

            var next = line[(at + 1)..].IndexOf("отменить", StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>"The conviction is quashed", "reclassified": not a request to quash that is dismissed.</summary>
    private static bool QuashesInEnglish(ReadOnlySpan<char> line)
    {
        return ContainsAny(line, ["quash", "set aside", "reclassif"]) && !ContainsAny(line, ["dismiss", "reject", "seeking", "request"]);
    }

    /// <summary>
    /// Whether an appeal or cassation ruling upholds an acquittal: its opening, before the line "УСТАНОВИЛ(А):" or
    /// "ESTABLISHED:", says the person was acquitted ("оправдан по ч. 2 ст. 127.2", "оправданного", "was acquitted")
    /// and convicted of nothing, and its operative part leaves the judgment unchanged ("без изменения", "upheld")
    /// without quashing anything. The opening is where such rulings name the judgment appealed against; the parties'
    /// pleas for an acquittal come later.
    /// </summary>
    public static bool UpholdsAcquittal(ReadOnlySpan<char> folded, int opening, int operative)
    {
        if (opening < 0)
        {
            return false;
        }

        var head = folded[..opening];
        var acquitted = ContainsAny(head, ["оправдан", "acquitted"]);
        var convicted = ContainsAny(head, ["осужден", "convicted", "guilty"]) || Count(head, "виновн") > Count(head, "невиновн");
        var decided = folded[operative..];
        var upheld = ContainsAny(decided, ["без изменения", "upheld", "unchanged"]);
        var quashed = ContainsAny(decided, ["отменить", "quash", "set aside", "виновн", "guilty"]);
        return acquitted && !convicted && upheld && !quashed;
    }

    // Spaces are left out when a heading is compared: "FOUND AS FOLLOWS:" is "foundasfollows".
    private static readonly string[] _establishedWords = ["установил", "установила", "установили", "established", "establishedasfollows", "foundasfollows"];

    /// <summary>Whether a folded, trimmed line is only one of the heading words, letters perhaps spaced out ("П Р И Г О В О Р И Л :").</summary>
    private static bool IsHeading(ReadOnlySpan<char> line, string[] words)
    {
        if (line.Length is < 4 or > 24)
        {
            return false;
        }

        Span<char> letters = stackalloc char[24];
        var count = 0;
        foreach (var c in line)
        {
            if (c is not (' ' or ':'))
            {
                letters[count++] = c;
            }
        }

        foreach (var word in words)
        {
            if (letters[..count].SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the first line that is only "УСТАНОВИЛ(А):" or "ESTABLISHED:" starts, before the operative part; -1 when
    /// none. What comes before it is the decision's opening: the court, the parties, the accused's particulars and the
    /// charge or the judgment appealed against.
    /// </summary>
    public static int Opening(ReadOnlySpan<char> text, ReadOnlySpan<char> folded, int operative)
    {
        for (var start = 0; start < operative;)
        {
            var end = text[start..].IndexOf('\n') is var n and >= 0 ? start + n : text.Length;
            var line = folded[start..end].Trim();
            if (IsHeading(line, _establishedWords))
            {
                return start;
            }

            start = end + 1;
        }

        return -1;
    }

    /// <summary>
    /// Whether an operative part ends the case only in part: "в остальном" / "в остальной части … без изменения", "в
    /// части осуждения по ст. 156 … прекратить", "считать … осужденной по ч. 3 ст. 151".
    /// </summary>
    private static bool Partly(ReadOnlySpan<char> operativeFolded)
    {
        if (ContainsAny(operativeFolded, ["в остальн", "в части", "в этой части", "в указанной части"]))
        {
            return true;
        }

        // "Считать Иванова осужденным по ч. 3 ст. 151", not "вещественные доказательства считать возвращенными".
        foreach (var range in operativeFolded.SplitAny(".;\n"))
        {
            var line = operativeFolded[range];
            if (line.Contains("считать", StringComparison.Ordinal) && line.Contains("осужденн", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The same in an English translation: "not guilty" or "acquitted" and no one "guilty", "convicted" or "sentenced to"
    /// (a request to acquit that is dismissed is not an acquittal), an acquittal "upheld", or a
    /// European Court holding only that there has been "no violation of Article 4" (the work was not forced labour).
    /// </summary>
    private static bool AcquitsInEnglish(ReadOnlySpan<char> operativeFolded)
    {
        var innocent = Count(operativeFolded, "not guilty");
        if (Count(operativeFolded, "guilty") - innocent > 0 || ContainsWord(operativeFolded, "convicted") || operativeFolded.Contains("sentenced to", StringComparison.Ordinal))
        {
            return false;
        }

        var quashed = ContainsAny(operativeFolded, ["quash", "set aside"]);
        // "The acquittal is upheld", "the judgment … acquitting D.V. Sorokin … is upheld".
        var upheld = ContainsAny(operativeFolded, ["acquittal", "acquitting"]) && ContainsAny(operativeFolded, ["upheld", "unchanged"]) && !quashed;
        var noViolation = Count(operativeFolded, "no violation of article 4");
        var article4 = noViolation > 0 && Count(operativeFolded, "violation of article 4") == noViolation;
        // "Is acquitted", not "the appeal requesting that he be acquitted is dismissed".
        var acquitted = false;
        foreach (var range in operativeFolded.SplitAny(".;\n"))
        {
            var line = operativeFolded[range];
            acquitted |= (ContainsWord(line, "acquitted") || ContainsWord(line, "acquit")) && !ContainsAny(line, ["request", "seeking", "dismiss"]);
        }

        return innocent > 0 || upheld || article4 || acquitted;
    }

    /// <summary>Whether a folded text contains any of the words, as they are written.</summary>
    internal static bool ContainsAny(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWord(ReadOnlySpan<char> text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end])))
            {
                return true;
            }

            var next = text[end..].IndexOf(word, StringComparison.Ordinal);
            at = next < 0 ? -1 : end + next;
        }

        return false;
    }

    private static int Count(ReadOnlySpan<char> text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = NextAt(text, word, at))
        {
            count++;
        }

        return count;

        static int NextAt(ReadOnlySpan<char> text, string word, int at) =>
            text[(at + 1)..].IndexOf(word, StringComparison.Ordinal) is var next and >= 0 ? at + 1 + next : -1;
    }

    // Latin and Cyrillic first: char.IsLetter outside Latin-1 goes through the Unicode tables, too slow for every character.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'а' and <= 'я' || (c >= '\u0080' && c is not (>= '\u2000' and <= '\u206f') && char.IsLetter(c));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool IsInsideWord(char c) =>
        c >= '\u0080' && c is not (>= 'а' and <= 'я') && (c == '\u00ad' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<SentenceSpan> Sentences(string text)
    {
        var spans = new List<SentenceSpan>();
        var start = Skip(text, 0);
        var ellipsis = -1;
        for (var i = start; i < text.Length; i++)
        {
            // Straight to the next character that may end a sentence (vectorised searches: ASCII stops, then the
            // ellipsis, which is rare and kept out of the ASCII set so that the fast search applies).
            if (ellipsis < i)
            {
                ellipsis = text.AsSpan(i).IndexOf('…') is var e and >= 0 ? i + e : text.Length;
            }

            var skip = text.AsSpan(i).IndexOfAny(_stops);
            i = Math.Min(skip < 0 ? text.Length : i + skip, ellipsis);
            if (i >= text.Length)
            {
                break;
            }

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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
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
        var number = char.IsAsciiDigit(following);
        if (!(char.IsUpper(following) || following is '«' or '"' or '—' or '-' || number))
        {
            return false;
        }

        var wordStart = stop;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = Fold(text[wordStart..stop]);
        // A sentence may open with a date ("… к ним. 22 апреля 2020 года Манджиев догнал его"): after a word of three
        // lower-case letters or more that is no abbreviation ("ст. 127", "в 10 час. 30 мин.", "т. 2 л.д. 45" go on).
        if (number)
        {
            return word.Length >= 3 && char.IsLower(text[wordStart]) && !_abbreviations.Contains(word) && !_beforeNumber.Contains(word);
        }

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
