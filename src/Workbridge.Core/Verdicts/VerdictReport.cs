using System.Globalization;
using System.Net;
using System.Text;
using Workbridge.Core.Common;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// The aggregate of a run, reported as the published study did: how many documents show evidence of forced labour
/// against how many were charged under art. 127.2, and the hidden share (evidence found, 127.2 not cited); counts by
/// indicator, by article cited against evidence found, by region and by form; and what was skipped and why.
/// </summary>
public sealed class VerdictReport
{
    private readonly Dictionary<ForcedLabourIndicator, (int All, int ForcedLabour)> _indicators = [];
    private readonly Dictionary<string, (int Cited, int Evidence)> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Documents, int Evidence, int Hidden)> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<ExploitationForm, int> _forms = [];
    private readonly List<SkippedInput> _skipped = [];

    public int Documents { get; private set; }

    public int ForcedLabour { get; private set; }

    /// <summary>Documents citing art. 127.2.</summary>
    public int Charged1272 { get; private set; }

    /// <summary>Documents citing art. 127.2 that show evidence of forced labour.</summary>
    public int Charged1272WithEvidence { get; private set; }

    /// <summary>Evidence of forced labour, art. 127.2 not cited.</summary>
    public int Hidden { get; private set; }

    public long Bytes { get; private set; }

    public IReadOnlyList<SkippedInput> Skipped => _skipped;

    /// <summary>Notes about inputs that were read with a fallback (for example a Windows-1251 file).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The share of documents with evidence where 127.2 was not cited; 0 when none has evidence.</summary>
    public double HiddenShare => ForcedLabour == 0 ? 0 : Hidden / (double)ForcedLabour;

    public void Add(VerdictFinding finding, long bytes)
    {
        Documents++;
        Bytes += bytes;
        ForcedLabour += finding.ForcedLabour ? 1 : 0;
        Charged1272 += finding.ChargedAsSlaveLabour ? 1 : 0;
        Charged1272WithEvidence += finding.ChargedAsSlaveLabour && finding.ForcedLabour ? 1 : 0;
        Hidden += finding.Hidden ? 1 : 0;
        // An indicator seen in the evidence counts for every document; those of a finding of forced labour count apart.
        foreach (var code in finding.Evidence.Select(e => e.Indicator).Distinct())
        {
            if (Common.EnumText.TryParse<ForcedLabourIndicator>(code, out var indicator))
            {
                var (all, forced) = _indicators.GetValueOrDefault(indicator);
                _indicators[indicator] = (all + 1, forced + (finding.Indicators.Contains(indicator) ? 1 : 0));
            }
        }

        foreach (var article in finding.Articles)
        {
            var (cited, evidence) = _articles.GetValueOrDefault(article);
            _articles[article] = (cited + 1, evidence + (finding.ForcedLabour ? 1 : 0));
        }

        var region = finding.Region ?? "unknown";
        var (documents, withEvidence, hidden) = _regions.GetValueOrDefault(region);
        _regions[region] = (documents + 1, withEvidence + (finding.ForcedLabour ? 1 : 0), hidden + (finding.Hidden ? 1 : 0));
        if (finding.Form is { } form)
        {
            _forms[form] = _forms.GetValueOrDefault(form) + 1;
        }
    }

    public void Skip(SkippedInput skipped, long bytes)
    {
        _skipped.Add(skipped);
        Bytes += bytes;
    }

    /// <summary>Skipped inputs counted by reason ("broken JSON", "empty text", "bad encoding" …).</summary>
    public IReadOnlyList<(string Reason, int Count)> SkippedByReason =>
        [.. _skipped.GroupBy(s => s.Category).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];

    public IReadOnlyList<(ForcedLabourIndicator Indicator, int All, int ForcedLabour)> ByIndicator =>
        [.. Enum.GetValues<ForcedLabourIndicator>().Select(i => (i, _indicators.GetValueOrDefault(i).All, _indicators.GetValueOrDefault(i).ForcedLabour))];

    public IReadOnlyList<(string Article, int Cited, int Evidence)> ByArticle =>
        [.. _articles.OrderBy(a => Reference.LegalReference.ArticleOrder(a.Key)).Select(a => (a.Key, a.Value.Cited, a.Value.Evidence))];

    public IReadOnlyList<(string Region, int Documents, int Evidence, int Hidden)> ByRegion =>
        [.. _regions.OrderByDescending(r => r.Value.Evidence).ThenByDescending(r => r.Value.Documents).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => (r.Key, r.Value.Documents, r.Value.Evidence, r.Value.Hidden))];

    public IReadOnlyList<(ExploitationForm Form, int Count)> ByForm =>
        [.. Enum.GetValues<ExploitationForm>().Select(f => (f, _forms.GetValueOrDefault(f)))];

    /// <summary>Writes summary.csv, indicators.csv, articles.csv, regions.csv, forms.csv, skipped.csv and report.html.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var invariant = CultureInfo.InvariantCulture;
        Write(directory, "summary.csv", ["metric,value",
            $"documents,{Documents}", $"skipped,{_skipped.Count}", $"forced_labour_evidence,{ForcedLabour}",
            $"charged_127_2,{Charged1272}", $"charged_127_2_with_evidence,{Charged1272WithEvidence}",
            $"hidden_evidence_without_127_2,{Hidden}", $"hidden_share,{HiddenShare.ToString("F4", invariant)}", $"bytes,{Bytes}",
            .. SkippedByReason.Select(s => $"skipped_{s.Reason.Replace(' ', '_')},{s.Count}")]);
        Write(directory, "indicators.csv", ["indicator,documents,documents_with_forced_labour", .. ByIndicator.Select(i => $"{EnumText.Kebab(i.Indicator)},{i.All},{i.ForcedLabour}")]);
        Write(directory, "articles.csv", ["article,documents_citing,with_forced_labour_evidence", .. ByArticle.Select(a => $"{a.Article},{a.Cited},{a.Evidence}")]);
        Write(directory, "regions.csv", ["region,documents,with_forced_labour_evidence,hidden", .. ByRegion.Select(r => $"{r.Region},{r.Documents},{r.Evidence},{r.Hidden}")]);
        Write(directory, "forms.csv", ["form,documents_with_forced_labour", .. ByForm.Select(f => $"{EnumText.Kebab(f.Form)},{f.Count}")]);
        Write(directory, "skipped.csv", ["source,reason", .. _skipped.Select(s => $"{Quote(s.Source)},{Quote(s.Reason)}")]);
        File.WriteAllText(Path.Combine(directory, "report.html"), Html(), new UTF8Encoding(false));
    }

    private static void Write(string directory, string name, IEnumerable<string> lines) =>
        File.WriteAllLines(Path.Combine(directory, name), lines, new UTF8Encoding(false));

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A self-contained page: the headline figures and bar charts as inline SVG, no script, no external file.</summary>
    public string Html()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Verdict analysis</title></head>")
            .Append("<body style=\"font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#1d2733\">")
            .Append("<h1>Verdict analysis</h1>")
            .Append(Summary())
            .Append("</body></html>");
        return html.ToString();
    }

    /// <summary>The figures and charts without a page around them, for embedding.</summary>
    public string Summary()
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>{Documents:N0} documents analysed, {_skipped.Count:N0} skipped. ")
            .Append(CultureInfo.InvariantCulture, $"Evidence of forced labour in <strong>{ForcedLabour:N0}</strong>; ")
            .Append(CultureInfo.InvariantCulture, $"charged under art. 127.2: <strong>{Charged1272:N0}</strong> ({Charged1272WithEvidence:N0} of them with evidence). ")
            .Append(CultureInfo.InvariantCulture, $"Hidden (evidence, 127.2 not charged): <strong>{Hidden:N0}</strong>, {HiddenShare:P1} of the documents with evidence.</p>");
        html.Append(Chart("Evidence found against art. 127.2 charged", [("evidence of forced labour", ForcedLabour), ("charged under 127.2", Charged1272), ("hidden: evidence, 127.2 not charged", Hidden)]));
        html.Append(Chart("Documents with evidence of forced labour, by indicator", [.. ByIndicator.Select(i => (EnumText.Kebab(i.Indicator), i.ForcedLabour))]));
        html.Append(Chart("Articles cited in documents with evidence of forced labour", [.. ByArticle.Where(a => a.Evidence > 0).Select(a => ("art. " + a.Article, a.Evidence))]));
        html.Append(Chart("Documents with evidence by region", [.. ByRegion.Where(r => r.Evidence > 0).Take(30).Select(r => (r.Region, r.Evidence))]));
        html.Append(Chart("Documents with evidence by form of exploitation", [.. ByForm.Select(f => (EnumText.Kebab(f.Form), f.Count))]));
        if (_skipped.Count > 0)
        {
            html.Append(Chart("Skipped inputs by reason", [.. SkippedByReason.Select(s => (s.Reason, s.Count))]));
        }

        return html.ToString();
    }

    /// <summary>A horizontal bar chart in SVG, with presentation attributes only (no style), so a strict CSP allows it.</summary>
    public static string Chart(string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        const int labelWidth = 280, barWidth = 420, row = 24;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var height = Math.Max(1, bars.Count) * row + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption><strong>{WebUtility.HtmlEncode(title)}</strong></figcaption>")
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 80}\" height=\"{height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        if (bars.Count == 0)
        {
            svg.Append("<text x=\"0\" y=\"16\" font-size=\"13\" fill=\"#555\">none</text>");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = i * row + 4;
            var width = (int)Math.Round(barWidth * (double)value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" font-size=\"13\" text-anchor=\"end\" fill=\"#1d2733\">{WebUtility.HtmlEncode(label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{Math.Max(value > 0 ? 1 : 0, width)}\" height=\"{row - 6}\" fill=\"#2f6f9f\"><title>{WebUtility.HtmlEncode(label)}: {value}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1d2733\">{value:N0}</text>");
        }

        return svg.Append("</svg></figure>").ToString();
    }
}
