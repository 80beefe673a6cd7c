using Workbridge.Core.Verdicts;

namespace Workbridge.Core.Tests.Verdicts;

/// <summary>The labelled texts of Verdicts/Corpus (labels.tsv) and the region names the analyser is given in tests.</summary>
public static class LabelledCorpus
{
    public sealed record Case(VerdictLabel Label, string Text)
    {
        public string Id => Label.Id;
    }

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Verdicts");

    /// <summary>Every labelled text, its labels read as <c>workbridge verdicts evaluate</c> reads them.</summary>
    public static IReadOnlyList<Case> Cases()
    {
        using var reader = new StreamReader(Path.Combine(Folder, "Corpus", "labels.tsv"));
        return [.. VerdictEvaluation.ReadLabels(reader, "labels.tsv").Values
            .Select(label => new Case(label, File.ReadAllText(Path.Combine(Folder, "Corpus", label.Id + ".txt"))))];
    }

    /// <summary>Region names from Workbridge.Data's regions-ru.csv and region-seats-ru.csv (linked into the test output), read as Data reads them.</summary>
    public static RegionNames Regions()
    {
        var lines = File.ReadLines(Path.Combine(Folder, "regions-ru.csv")).Where(l => !l.StartsWith('#')).ToList();
        var header = lines[0].Split(',');
        var code = Array.IndexOf(header, "code");
        var forms = Array.IndexOf(header, "name_ru_forms");
        var seats = File.ReadLines(Path.Combine(Folder, "region-seats-ru.csv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(','))
            .Select(c => (c[0], (IEnumerable<string>)[.. c[1].Split('|'), .. c[2].Split('|')]));
        return new RegionNames([.. lines.Skip(1).Select(l => l.Split(',')).Select(c => (c[code], (IEnumerable<string>)c[forms].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))), .. seats]);
    }

    public static VerdictAnalyser Analyser() => new(VerdictLexicon.Default, Regions());
}
