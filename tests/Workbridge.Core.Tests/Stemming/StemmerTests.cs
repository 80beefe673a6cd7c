using Shouldly;
using Workbridge.Core.Verdicts.Stemming;

namespace Workbridge.Core.Tests.Stemming;

/// <summary>The stemmers against the Snowball project's vocabularies (see README.md beside this file).</summary>
public sealed class StemmerTests
{
    private static List<(string Word, string Stem)> Pairs(string file) =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Stemming", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], p[1]))];

    private static void AllMatch(string file, Func<string, string> stem, int atLeast)
    {
        var pairs = Pairs(file);
        pairs.Count.ShouldBeGreaterThanOrEqualTo(atLeast);
        var wrong = pairs.Where(p => stem(p.Word) != p.Stem).Select(p => $"{p.Word}: expected {p.Stem}, got {stem(p.Word)}").ToList();
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void RussianStem_PublishedVocabulary_MatchesEveryPair() => AllMatch("snowball-published-ru.txt", w => RussianStemmer.Stem(w), 100);

    [Fact]
    public void RussianStem_SampledVocabulary_MatchesEveryPair() => AllMatch("snowball-sample-ru.txt", w => RussianStemmer.Stem(w), 4000);

    [Fact]
    public void EnglishStem_PublishedVocabulary_MatchesEveryPair() => AllMatch("snowball-published-en.txt", w => EnglishStemmer.Stem(w), 80);

    [Fact]
    public void EnglishStem_SampledVocabulary_MatchesEveryPair() => AllMatch("snowball-sample-en.txt", w => EnglishStemmer.Stem(w), 2800);

    [Theory]
    [InlineData("принуждал", "принужда")]
    [InlineData("удерживали", "удержива")]
    [InlineData("угрожая", "угрож")]
    [InlineData("паспорта", "паспорт")]
    public void RussianStem_CourtVocabulary_GivesTheSnowballStem(string word, string stem) => RussianStemmer.Stem(word).ShouldBe(stem);

    [Fact]
    public void RussianStem_Yo_IsReadAsYe() => RussianStemmer.Stem("ещё").ShouldBe(RussianStemmer.Stem("еще"));
}
