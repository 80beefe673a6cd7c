using Shouldly;
using Workbridge.Core.Verdicts;

namespace Workbridge.Core.Tests.Verdicts;

public sealed class VerdictAnalyserTests
{
    private static readonly VerdictAnalyser _analyser = new(VerdictLexicon.Default, null);

    private static VerdictFinding Analyse(string text) => _analyser.Analyse(new VerdictDocument("t", text));

    [Theory]
    [InlineData("Иванов заставлял потерпевшего работать на ферме и угрожал ему убийством.", true)]
    [InlineData("Иванов не заставлял потерпевшего работать на ферме и не угрожал ему.", false)]
    [InlineData("The defendant forced the victim to work on his farm and threatened to kill him.", true)]
    [InlineData("The defendant did not force the victim to work and never threatened him.", false)]
    public void Analyse_Negation_SetsTheEvidenceAside(string text, bool forcedLabour) => Analyse(text).ForcedLabour.ShouldBe(forcedLabour);

    [Fact]
    public void MayMatch_RulesOutOnlyWordsTheLexiconCannotMatch()
    {
        // The opening filter may only skip words whose lookup finds nothing: every word of the labelled corpus checked.
        var lexicon = VerdictLexicon.Default;
        var tokens = new List<TextToken>();
        int skipped = 0, words = 0;
        foreach (var c in LabelledCorpus.Cases())
        {
            var folded = CourtText.Fold(c.Text);
            tokens.Clear();
            CourtText.Tokens(folded, 0, folded.Length, tokens);
            foreach (var token in tokens.Where(t => t.Plain))
            {
                var word = folded.AsSpan(token.Start, token.Length);
                words++;
                if (!lexicon.MayMatch(word))
                {
                    skipped++;
                    lexicon.Lookup(word).ShouldBeEmpty(word.ToString());
                }
            }
        }

        // And it does rule out a good share of real words (about a fifth of the corpus's), which is what it is for.
        (skipped / (double)words).ShouldBeGreaterThan(0.1);
    }

    [Fact]
    public void Analyse_ReportedDenial_IsNotEvidence()
    {
        var finding = Analyse("Подсудимый отрицал, что заставлял потерпевшего работать и угрожал ему расправой. Доводы о том, что он удерживал паспорт, не нашли подтверждения.");
        finding.ForcedLabour.ShouldBeFalse();
        finding.Evidence.ShouldBeEmpty();
    }

    [Fact]
    public void Analyse_NotOnly_DoesNotNegate()
    {
        var finding = Analyse("Иванов заставлял потерпевшего работать на стройке, не только угрожал ему убийством, но и избивал его.");
        finding.Indicators.ShouldContain(ForcedLabourIndicator.IntimidationThreats);
        finding.Indicators.ShouldContain(ForcedLabourIndicator.PhysicalSexualViolence);
    }

    [Fact]
    public void Analyse_OwnNegation_IsNotADoubleNegative()
    {
        // "ничего не платили": the pattern "не платили" carries its own negation.
        var finding = Analyse("Потерпевшего заставляли работать на ферме, за работу ничего не платили, паспорт забрали.");
        finding.Indicators.ShouldContain(ForcedLabourIndicator.WithholdingOfWages);
    }

    [Fact]
    public void Analyse_LegalFormula_IsNotEvidence()
    {
        var finding = Analyse("Суд квалифицирует действия по п. «в» ч. 2 ст. 127.2 УК РФ как использование рабского труда с применением насилия или угрозы его применения.");
        finding.ForcedLabour.ShouldBeFalse();
        finding.Articles.ShouldBe(["127.2"]);
    }

    [Fact]
    public void Analyse_KidnappingWithoutWork_ReportsNoIndicators()
    {
        var finding = Analyse("Беляев похитил предпринимателя, удерживал его в подвале, избивал и угрожал убийством, требуя выкуп.");
        finding.ForcedLabour.ShouldBeFalse();
        finding.Indicators.ShouldBeEmpty();
        finding.Reason.ShouldContain("no work");
    }

    [Fact]
    public void Analyse_Evidence_PointsIntoTheOriginalText()
    {
        const string text = "СУД  УСТАНОВИЛ: Пётр ЗАСТАВЛЯЛ «потерпевшего» работать — и ОТОБРАЛ у него паспорт.";
        var finding = Analyse(text);
        var documents = finding.Evidence.Single(e => e.Indicator == "retention-of-documents");
        text[documents.Start..documents.End].ShouldBe("ОТОБРАЛ у него паспорт");
        text[documents.SentenceStart..].ShouldStartWith(documents.Sentence);
    }

    [Fact]
    public void Analyse_MixedScriptWord_IsReadAsCyrillic()
    {
        // "угрожaл" with a Latin "a", as OCR and some anonymised texts spell it.
        var finding = Analyse("Иванов заставлял потерпевшего работать на ферме и угрожaл ему убийством.");
        finding.Indicators.ShouldContain(ForcedLabourIndicator.IntimidationThreats);
    }

    [Fact]
    public void Analyse_OffsetsBeyondTheBmp_CountCodePoints()
    {
        const string text = "😀 Иванов заставлял потерпевшего работать и отобрал у него паспорт.";
        var evidence = Analyse(text).Evidence.Single(e => e.Indicator == "retention-of-documents");
        string.Concat(text.EnumerateRunes().Skip(evidence.Start).Take(evidence.End - evidence.Start)).ShouldBe("отобрал у него паспорт");
        evidence.Start.ShouldBe(text.IndexOf("отобрал", StringComparison.Ordinal) - 1);
    }

    [Fact]
    public void ForcedLabourRule_MediumIndicatorsOnly_AreNotEnough()
    {
        var (forcedLabour, reason) = ForcedLabourRule.Decide(work: true, compulsion: false, new Dictionary<ForcedLabourIndicator, bool>
        {
            [ForcedLabourIndicator.WithholdingOfWages] = false,
            [ForcedLabourIndicator.IntimidationThreats] = false,
        });
        forcedLabour.ShouldBeFalse();
        reason.ShouldContain("strong");
    }

    [Fact]
    public void ForcedLabourRule_StrongMenaceAndInvoluntariness_IsForcedLabour() =>
        ForcedLabourRule.Decide(work: true, compulsion: false, new Dictionary<ForcedLabourIndicator, bool>
        {
            [ForcedLabourIndicator.RetentionOfDocuments] = true,
            [ForcedLabourIndicator.Deception] = false,
        }).ForcedLabour.ShouldBeTrue();

    [Fact]
    public void ForcedLabourRule_OneIndicatorAlone_IsNotEnough() =>
        ForcedLabourRule.Decide(work: true, compulsion: false, new Dictionary<ForcedLabourIndicator, bool> { [ForcedLabourIndicator.RestrictionOfMovement] = true }).ForcedLabour.ShouldBeFalse();
}
