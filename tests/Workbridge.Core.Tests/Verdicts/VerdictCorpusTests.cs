using Shouldly;
using Workbridge.Core.Common;
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

    private static List<(LabelledCorpus.Case, VerdictFinding)> Run()
    {
        var analyser = LabelledCorpus.Analyser();
        return [.. LabelledCorpus.Cases().Select(c => (c, analyser.Analyse(new VerdictDocument(c.Id, c.Text))))];
    }

    [Fact]
    public void Analyse_LabelledCorpus_ForcedLabourPrecisionAndRecallReachTheTargets()
    {
        var tp = _results.Count(r => r.Case.ForcedLabour && r.Finding.ForcedLabour);
        var fp = _results.Count(r => !r.Case.ForcedLabour && r.Finding.ForcedLabour);
        var fn = _results.Count(r => r.Case.ForcedLabour && !r.Finding.ForcedLabour);
        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        output.WriteLine($"forced_labour: {_results.Count} documents, tp={tp} fp={fp} fn={fn}, precision={precision:F3} recall={recall:F3}");
        foreach (var (c, f) in _results.Where(r => r.Case.ForcedLabour != r.Finding.ForcedLabour))
        {
            output.WriteLine($"  {c.Id}: expected {c.ForcedLabour}, got {f.ForcedLabour} ({f.Reason})");
        }

        _results.Count(r => r.Case.ForcedLabour).ShouldBeGreaterThanOrEqualTo(10);
        _results.Count(r => !r.Case.ForcedLabour).ShouldBeGreaterThanOrEqualTo(10);
        precision.ShouldBeGreaterThanOrEqualTo(0.9);
        recall.ShouldBeGreaterThanOrEqualTo(0.85);
    }

    [Fact]
    public void Analyse_LabelledCorpus_IndicatorMicroF1ReachesTheTarget()
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (c, f) in _results)
        {
            var found = f.Indicators.Select(EnumText.Kebab).ToHashSet();
            var expected = c.Indicators.ToHashSet();
            tp += found.Intersect(expected).Count();
            fp += found.Except(expected).Count();
            fn += expected.Except(found).Count();
            if (!found.SetEquals(expected))
            {
                output.WriteLine($"  {c.Id}: missed [{string.Join(", ", expected.Except(found))}] extra [{string.Join(", ", found.Except(expected))}]");
            }
        }

        var precision = tp / (double)Math.Max(1, tp + fp);
        var recall = tp / (double)Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        output.WriteLine($"indicators: tp={tp} fp={fp} fn={fn}, micro precision={precision:F3} recall={recall:F3} F1={f1:F3}");
        f1.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public void Analyse_LabelledCorpus_ExtractsTheCitedArticlesExactly()
    {
        var wrong = _results.Where(r => !r.Finding.Articles.SequenceEqual(r.Case.Articles)).Select(r => $"{r.Case.Id}: expected [{string.Join(", ", r.Case.Articles)}], got [{string.Join(", ", r.Finding.Articles)}]").ToList();
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Analyse_LabelledCorpus_FindsTheRegionNineteenTimesInTwenty()
    {
        // A statement of facts may name where the applicant lives before the court that tried the case: a floor, not all.
        var wrong = _results.Where(r => r.Finding.Region != r.Case.Region).ToList();
        foreach (var (c, f) in wrong)
        {
            output.WriteLine($"  {c.Id}: region expected {c.Region}, got {f.Region}");
        }

        (1 - wrong.Count / (double)_results.Count).ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Fact]
    public void Analyse_LabelledCorpus_FindsTheFormOfExploitationNineTimesInTen()
    {
        // The form is a judgment call where work was mixed ("fishing vessels and processing plants"): a floor, not all.
        var wrong = _results.Where(r => (r.Finding.Form is { } form ? EnumText.Kebab(form) : null) != r.Case.Form).ToList();
        foreach (var (c, f) in wrong)
        {
            output.WriteLine($"  {c.Id}: form expected {c.Form}, got {f.Form}");
        }

        (1 - wrong.Count / (double)_results.Count).ShouldBeGreaterThanOrEqualTo(0.9);
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
