using Workbridge.Core.Common;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// What a reader decided a document shows: the labels a researcher gives a sample to measure the analyser on. Indicators
/// and form are kebab-case codes, articles in the Code's order, region upper case; a labels file without a region or
/// form column leaves that aspect unlabelled (<see cref="RegionLabelled"/>, <see cref="FormLabelled"/>), not wrong.
/// </summary>
public sealed record VerdictLabel(string Id, bool ForcedLabour, IReadOnlySet<string> Indicators, IReadOnlyList<string> Articles, string? Region, string? Form)
{
    public bool RegionLabelled { get; init; } = true;
    public bool FormLabelled { get; init; } = true;
}

/// <summary>
/// The analyser measured against labelled documents, as the issue's targets are stated: precision and recall of
/// forced_labour, micro-averaged precision, recall and F1 over the indicators, cited articles exact, and the region
/// and form right; with every disagreement in words. Labels are read from a tab-separated file with the columns id,
/// forced_labour, indicators, articles, region, form (lists comma-separated; lines starting with # are comments).
/// </summary>
public sealed class VerdictEvaluation
{
    private readonly List<string> _disagreements = [];

    public int Documents { get; private set; }
    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int FalseNegatives { get; private set; }
    public int IndicatorsFound { get; private set; }
    public int IndicatorsWrong { get; private set; }
    public int IndicatorsMissed { get; private set; }
    public int ArticlesExact { get; private set; }
    public int RegionsRight { get; private set; }
    public int RegionsLabelled { get; private set; }
    public int FormsRight { get; private set; }
    public int FormsLabelled { get; private set; }

    // Each ratio is NaN when it is undefined (no positive found, none labelled), and printed as "n/a".
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double IndicatorPrecision => Ratio(IndicatorsFound, IndicatorsFound + IndicatorsWrong);
    public double IndicatorRecall => Ratio(IndicatorsFound, IndicatorsFound + IndicatorsMissed);
    public double IndicatorF1 => Ratio(2 * IndicatorsFound, 2 * IndicatorsFound + IndicatorsWrong + IndicatorsMissed);

    /// <summary>One line per document where the analyser and the label disagree, saying on what.</summary>
    public IReadOnlyList<string> Disagreements => _disagreements;

    /// <summary>Reads labels; a line that cannot be read throws a FormatException naming the file, the line and the field.</summary>
    public static IReadOnlyDictionary<string, VerdictLabel> ReadLabels(TextReader reader, string source)
    {
        var labels = new Dictionary<string, VerdictLabel>(StringComparer.Ordinal);
        string[]? header = null;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (header is null)
            {
                header = cells;
                foreach (var column in (string[])["id", "forced_labour", "indicators", "articles"])
                {
                    if (!header.Contains(column))
                    {
                        throw new FormatException($"{source} line {number}: the header has no '{column}' column (id, forced_labour, indicators, articles, region, form; tab-separated).");
                    }
                }

                continue;
            }

            string Cell(string column) => Array.IndexOf(header, column) is var at and >= 0 && at < cells.Length ? cells[at].Trim() : "";
            var id = Cell("id");
            if (id.Length == 0)
            {
                throw new FormatException($"{source} line {number}: id is empty.");
            }

            if (!bool.TryParse(Cell("forced_labour"), out var forcedLabour))
            {
                throw new FormatException($"{source} line {number}: forced_labour must be true or false, not '{Cell("forced_labour")}'.");
            }

            // Codes are written as the analysis writes them, whatever spelling the label used ("Retention_of_documents").
            var indicators = new HashSet<string>(StringComparer.Ordinal);
            foreach (var indicator in List(Cell("indicators")))
            {
                indicators.Add(EnumText.TryParse<ForcedLabourIndicator>(indicator, out var code)
                    ? EnumText.Kebab(code)
                    : throw new FormatException($"{source} line {number}: indicators: '{indicator}' is not an indicator code ({string.Join(", ", Enum.GetValues<ForcedLabourIndicator>().Select(i => EnumText.Kebab(i)))})."));
            }

            string? form = null;
            if (Cell("form") is { Length: > 0 } formCell)
            {
                form = EnumText.TryParse<ExploitationForm>(formCell, out var parsed)
                    ? EnumText.Kebab(parsed)
                    : throw new FormatException($"{source} line {number}: form: '{formCell}' is not sexual, agricultural, construction, domestic, workhouse or other.");
            }

            var articles = List(Cell("articles")).Distinct(StringComparer.Ordinal).OrderBy(Reference.LegalReference.ArticleOrder).ToList();
            var label = new VerdictLabel(id, forcedLabour, indicators, articles, NullIfEmpty(Cell("region").ToUpperInvariant()), form)
            {
                RegionLabelled = header.Contains("region"),
                FormLabelled = header.Contains("form"),
            };
            if (!labels.TryAdd(id, label))
            {
                throw new FormatException($"{source} line {number}: id '{id}' is labelled twice.");
            }
        }

        return labels;
    }

    /// <summary>Counts one finding against its label.</summary>
    public void Add(VerdictLabel label, VerdictFinding finding)
    {
        Documents++;
        var problems = new List<string>();
        if (finding.ForcedLabour && label.ForcedLabour)
        {
            TruePositives++;
        }
        else if (finding.ForcedLabour)
        {
            FalsePositives++;
            problems.Add($"forced labour found, not labelled ({finding.Reason})");
        }
        else if (label.ForcedLabour)
        {
            FalseNegatives++;
            problems.Add($"forced labour labelled, not found ({finding.Reason})");
        }

        var found = finding.Indicators.Select(i => EnumText.Kebab(i)).ToHashSet(StringComparer.Ordinal);
        IndicatorsFound += found.Count(label.Indicators.Contains);
        var wrong = found.Where(i => !label.Indicators.Contains(i)).Order(StringComparer.Ordinal).ToList();
        var missed = label.Indicators.Where(i => !found.Contains(i)).Order(StringComparer.Ordinal).ToList();
        IndicatorsWrong += wrong.Count;
        IndicatorsMissed += missed.Count;
        if (wrong.Count + missed.Count > 0)
        {
            problems.Add($"indicators missed [{string.Join(", ", missed)}], not labelled [{string.Join(", ", wrong)}]");
        }

        if (finding.Articles.SequenceEqual(label.Articles))
        {
            ArticlesExact++;
        }
        else
        {
            problems.Add($"articles [{string.Join(", ", finding.Articles)}], labelled [{string.Join(", ", label.Articles)}]");
        }

        if (label.RegionLabelled)
        {
            RegionsLabelled++;
            if (finding.Region == label.Region)
            {
                RegionsRight++;
            }
            else
            {
                problems.Add($"region {finding.Region ?? "none"}, labelled {label.Region ?? "none"}");
            }
        }

        var form = finding.Form is { } f ? EnumText.Kebab(f) : null;
        if (label.FormLabelled)
        {
            FormsLabelled++;
            if (form == label.Form)
            {
                FormsRight++;
            }
            else
            {
                problems.Add($"form {form ?? "none"}, labelled {label.Form ?? "none"}");
            }
        }

        if (problems.Count > 0)
        {
            _disagreements.Add($"{label.Id}: {string.Join("; ", problems)}");
        }
    }

    /// <summary>The figures in one paragraph, as the CLI prints them.</summary>
    public string Summary() =>
        $"{Documents} labelled documents. forced_labour: precision {Show(Precision)}, recall {Show(Recall)} (true positives {TruePositives}, false positives {FalsePositives}, false negatives {FalseNegatives}). " +
        $"Indicators (micro): precision {Show(IndicatorPrecision)}, recall {Show(IndicatorRecall)}, F1 {Show(IndicatorF1)}. " +
        $"Articles exact in {ArticlesExact} of {Documents}; region right in {RegionsRight} of {RegionsLabelled}; form right in {FormsRight} of {FormsLabelled}.";

    private static string Show(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString("F2", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> List(string cell) => [.. cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static double Ratio(int part, int whole) => whole == 0 ? double.NaN : part / (double)whole;
}
