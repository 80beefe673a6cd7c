using Shouldly;
using Workbridge.Core.Verdicts;
using Xunit.Abstractions;

namespace Workbridge.Core.Tests.Verdicts;

/// <summary>
/// The analyser against the labelled corpus (Verdicts/Corpus): positives charged under 127.2 and under other articles,
/// hard negatives (kidnapping for ransom, confinement, wage arrears, prison work and training, theft, fraud, an
/// acquittal), in Russian and English. The floors are the issue's targets for unseen texts.
/// </summary>
public sealed class VerdictCorpusTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<(LabelledCorpus.Case Case, VerdictFinding Finding)> _results = Run();
    private static readonly VerdictEvaluation _evaluation = Evaluate();

    private static List<(LabelledCorpus.Case, VerdictFinding)> Run()
    {
        var analyser = LabelledCorpus.Analyser();
        return [.. LabelledCorpus.Cases().Select(c => (c, analyser.Analyse(new VerdictDocument(c.Id, c.Text))))];
    }

    private static VerdictEvaluation Evaluate()
    {
        var evaluation = new VerdictEvaluation();
        foreach (var (c, finding) in _results)
        {
            evaluation.Add(c.Label, finding);
        }

        return evaluation;
    }

    private void Report()
    {
        output.WriteLine(_evaluation.Summary());
        foreach (var line in _evaluation.Disagreements)
        {
            output.WriteLine("  " + line);
        }
    }

    [Fact]
    public void Analyse_LabelledCorpus_ForcedLabourPrecisionAndRecallReachTheTargets()
    {
        Report();
        _results.Count(r => r.Case.Label.ForcedLabour).ShouldBeGreaterThanOrEqualTo(10);
        _results.Count(r => !r.Case.Label.ForcedLabour).ShouldBeGreaterThanOrEqualTo(10);
        _evaluation.Precision.ShouldBeGreaterThanOrEqualTo(0.9);
        _evaluation.Recall.ShouldBeGreaterThanOrEqualTo(0.85);
    }

    [Fact]
    public void Analyse_LabelledCorpus_IndicatorMicroF1ReachesTheTarget()
    {
        _evaluation.IndicatorF1.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public void Analyse_LabelledCorpus_ExtractsTheCitedArticlesExactly()
    {
        var wrong = _results.Where(r => !r.Finding.Articles.SequenceEqual(r.Case.Label.Articles)).Select(r => $"{r.Case.Id}: expected [{string.Join(", ", r.Case.Label.Articles)}], got [{string.Join(", ", r.Finding.Articles)}]").ToList();
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Analyse_LabelledCorpus_FindsTheRegionNineteenTimesInTwenty()
    {
        // A statement of facts may name where the applicant lives before the court that tried the case: a floor, not all.
        (_evaluation.RegionsRight / (double)_evaluation.RegionsLabelled).ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void Analyse_LabelledCorpus_FindsTheFormOfExploitationNineTimesInTen()
    {
        // The form is a judgment call where work was mixed ("fishing vessels and processing plants"): a floor, not all.
        (_evaluation.FormsRight / (double)_evaluation.FormsLabelled).ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void ReadLabels_BadLines_AreNamedWithTheirField()
    {
        static string Problem(string text) =>
            Should.Throw<FormatException>(() => VerdictEvaluation.ReadLabels(new StringReader(text), "labels.tsv")).Message;

        Problem("id\tforced_labour\tindicators\n").ShouldContain("no 'articles' column");
        Problem("id\tforced_labour\tindicators\tarticles\nx\tmaybe\t\t\n").ShouldBe("labels.tsv line 2: forced_labour must be true or false, not 'maybe'.");
        Problem("id\tforced_labour\tindicators\tarticles\nx\ttrue\tthreats\t\n").ShouldStartWith("labels.tsv line 2: indicators: 'threats' is not an indicator code");
        Problem("# a comment\nid\tforced_labour\tindicators\tarticles\nx\ttrue\t\t\nx\tfalse\t\t\n").ShouldBe("labels.tsv line 4: id 'x' is labelled twice.");
    }

    [Fact]
    public void ReadLabels_OtherSpellingsAndOrders_AreReadAsTheAnalysisWritesThem()
    {
        var label = VerdictEvaluation.ReadLabels(new StringReader("id\tforced_labour\tindicators\tarticles\tregion\tform\nx\tTrue\tRetention_of_documents, PhysicalSexualViolence\t127.2, 126,126\tru-da\tAgricultural\n"), "labels.tsv")["x"];
        label.Indicators.Order().ShouldBe(["physical-sexual-violence", "retention-of-documents"]);
        label.Articles.ShouldBe(["126", "127.2"]);
        (label.Region, label.Form).ShouldBe(("RU-DA", "agricultural"));

        // Without region and form columns, those are not labelled, so not counted wrong.
        var bare = VerdictEvaluation.ReadLabels(new StringReader("id\tforced_labour\tindicators\tarticles\nx\tfalse\t\t158\n"), "labels.tsv")["x"];
        var evaluation = new VerdictEvaluation();
        evaluation.Add(bare, new VerdictFinding("x", false, [], ["158"], "RU-MOW", null, [], [], "no work"));
        evaluation.Disagreements.ShouldBeEmpty();
        (evaluation.RegionsLabelled, evaluation.FormsLabelled).ShouldBe((0, 0));
        evaluation.Summary().ShouldContain("precision n/a, recall n/a");
    }

    [Fact]
    public void Evaluation_CountsEachKindOfDisagreement()
    {
        var label = new VerdictLabel("d", true, new HashSet<string> { "deception", "isolation" }, ["127.2"], "RU-DA", "agricultural");
        var finding = new VerdictFinding("d", false, [ForcedLabourIndicator.Isolation, ForcedLabourIndicator.DebtBondage], ["127"], "RU-DA", null, [], [], "no work");
        var evaluation = new VerdictEvaluation();
        evaluation.Add(label, finding);
        (evaluation.TruePositives, evaluation.FalseNegatives, evaluation.IndicatorsFound, evaluation.IndicatorsWrong, evaluation.IndicatorsMissed).ShouldBe((0, 1, 1, 1, 1));
        (evaluation.ArticlesExact, evaluation.RegionsRight, evaluation.FormsRight).ShouldBe((0, 1, 0));
        evaluation.IndicatorF1.ShouldBe(0.5, 1e-9);
        evaluation.Disagreements.ShouldHaveSingleItem().ShouldBe("d: forced labour labelled, not found (no work); indicators missed [deception], not labelled [debt-bondage]; articles [127], labelled [127.2]; form none, labelled agricultural");
    }

    [Fact]
    public void Analyse_EveryEvidence_PointsAtTheWordsItQuotes()
    {
        foreach (var (c, f) in _results)
        {
            foreach (var e in f.Evidence.Concat(f.Work))
            {
                // The same sentence may stand twice in a decision (testimony read out again): its own start says which.
                c.Text.Substring(e.SentenceStart, e.Sentence.Length).ShouldBe(e.Sentence);
                e.Start.ShouldBeGreaterThanOrEqualTo(e.SentenceStart);
                e.End.ShouldBeLessThanOrEqualTo(e.SentenceStart + e.Sentence.Length);
                e.End.ShouldBeGreaterThan(e.Start);
            }
        }
    }
}
