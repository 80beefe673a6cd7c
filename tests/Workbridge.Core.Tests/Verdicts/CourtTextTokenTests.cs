using Shouldly;
using Workbridge.Core.Verdicts;

namespace Workbridge.Core.Tests.Verdicts;

public sealed class CourtTextTokenTests
{
    [Fact]
    public void Fold_CompatibilityAndCombiningForms_KeepTheLength()
    {
        // Full-width letters, "и" with a combining breve, "е" with a combining diaeresis, a soft hyphen.
        const string text = "ＡＢ уи\u0306ти е\u0308ж ра\u00adбота";
        var folded = CourtText.Fold(text);
        folded.Length.ShouldBe(text.Length);
        folded[..2].ShouldBe("ab");
        folded[4].ShouldBe('й');
        folded[9].ShouldBe('е');
        folded[10].ShouldBe('\u0308');
    }

    [Fact]
    public void Tokens_PlainTokens_CarryTheHashOfTheirCharacters()
    {
        // The analyser looks words up by the hash made while reading them; a different hash would miss every time.
        var folded = CourtText.Fold("Угрожал, 127.2; forced-labour ё");
        var tokens = new List<TextToken>();
        CourtText.Tokens(folded, 0, folded.Length, tokens);
        tokens.Count.ShouldBe(6);
        foreach (var token in tokens.Where(t => t.Plain))
        {
            token.Hash.ShouldBe(WordCache.Hash(folded.AsSpan(token.Start, token.Length)));
        }
    }

    [Fact]
    public void Tokens_WordsWithMarksInside_AreOneToken()
    {
        const string text = "уи\u0306ти, ра\u00adбота 127.2";
        var folded = CourtText.Fold(text);
        var tokens = new List<TextToken>();
        CourtText.Tokens(folded, 0, folded.Length, tokens);
        tokens.Select(t => text[t.Start..t.End]).ShouldBe(["уи\u0306ти", "ра\u00adбота", "127", "2"]);
        tokens[0].Script.ShouldBe(TokenScript.Cyrillic);
        tokens[2].Script.ShouldBe(TokenScript.Number);
        Span<char> key = stackalloc char[16];
        new string(key[..VerdictLexicon.WordKey(folded.AsSpan(tokens[1].Start, tokens[1].Length), key)]).ShouldBe("работа");
    }

    [Fact]
    public void MayMatch_EveryWordTheLexiconMatches_Passes()
    {
        // The filter on openings may only rule out words the lexicon would not match: checked on every plain token of the
        // labelled corpus, every word of the stemmers' vocabularies (Porter2's exceptional forms among them) and numbers.
        var lexicon = VerdictLexicon.Default;
        var words = new HashSet<string>(StringComparer.Ordinal) { "dying", "lying", "skies", "ugly", "only", "cry", "4", "14", "2021", "127" };
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Stemming"), "snowball-*.txt"))
        {
            words.UnionWith(File.ReadLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => CourtText.Fold(l.Split(' ')[0])));
        }

        var tokens = new List<TextToken>();
        foreach (var text in LabelledCorpus.Cases().Select(c => CourtText.Fold(c.Text)))
        {
            tokens.Clear();
            CourtText.Tokens(text, 0, text.Length, tokens);
            words.UnionWith(tokens.Where(t => t.Plain).Select(t => text.Substring(t.Start, t.Length)));
        }

        var missed = words.Where(w => lexicon.Lookup(w).Length > 0 && !lexicon.MayMatch(w)).ToList();
        missed.ShouldBeEmpty();
        // And it does rule words out: most of a text's words, long numbers, English words no pattern opens with.
        var ruledOut = words.Count(w => !lexicon.MayMatch(w));
        ruledOut.ShouldBeGreaterThan(words.Count / 4);
        lexicon.MayMatch("2021").ShouldBeFalse();
        lexicon.MayMatch("14").ShouldBeTrue();
    }

    [Fact]
    public void MayMatch_Porter2StemsThatChangeTheThirdLetter_Pass()
    {
        // "trying" → "tri", "owing" → "owe", "dying" → "die": the word opens otherwise than its stem.
        var lexicon = VerdictLexicon.Parse(new StringReader("category\tlang\tstrength\tgap\tpattern\nwork\ten\t-\t\ttried|owed|died\n"), "test");
        foreach (var word in (string[])["trying", "tries", "owing", "owes", "dying"])
        {
            lexicon.Lookup(word).ShouldNotBeEmpty(word);
            lexicon.MayMatch(word).ShouldBeTrue(word);
        }

        lexicon.MayMatch("tyres").ShouldBeFalse();
    }
}
