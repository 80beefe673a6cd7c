using Workbridge.Core.Verdicts;

namespace Workbridge.Core.Tests.Verdicts;

/// <summary>The labelled texts of Verdicts/Corpus (labels.tsv) and the region names the analyser is given in tests.</summary>
public static class LabelledCorpus
{
    public sealed record Case(string Id, string Text, bool ForcedLabour, IReadOnlyList<string> Indicators, IReadOnlyList<string> Articles, string? Region, string? Form);

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Verdicts");

    public static IReadOnlyList<Case> Cases() =>
        [.. File.ReadLines(Path.Combine(Folder, "Corpus", "labels.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("id\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(c => new Case(
                c[0],
                File.ReadAllText(Path.Combine(Folder, "Corpus", c[0] + ".txt")),
                bool.Parse(c[1]),
                c[2].Split(',', StringSplitOptions.RemoveEmptyEntries),
                c[3].Split(',', StringSplitOptions.RemoveEmptyEntries),
                c[4].Length == 0 ? null : c[4],
                c[5].Length == 0 ? null : c[5]))];

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
