namespace Workbridge.Core.Verdicts;

/// <summary>
/// A court decision or case report to analyse: an id, its text, and optional metadata from the source (for example
/// "articles" in the metadata form "ст.127.2 ч.2 п.а УК РФ", "court" or "region"), which add to what the text says.
/// </summary>
public sealed record VerdictDocument(string Id, string Text, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>
/// One piece of evidence: the indicator, the sentence it stands in (and where the sentence starts), and the matched
/// words as offsets into the document's text (start inclusive, end exclusive, in Unicode code points, as Python
/// counts; for text without characters beyond the BMP these are also UTF-16 offsets).
/// </summary>
public sealed record Evidence(string Indicator, string Sentence, int Start, int End, bool Strong, int SentenceStart);

/// <summary>
/// What the analysis found in one document: whether it shows forced labour (the rule of docs/verdicts.md), the ILO
/// indicators with their evidence, the Criminal Code articles cited (numbers only, in the Code's order), the region,
/// the form of exploitation, and the reason for the decision in words.
/// </summary>
public sealed record VerdictFinding(
    string Id,
    bool ForcedLabour,
    IReadOnlyList<ForcedLabourIndicator> Indicators,
    IReadOnlyList<string> Articles,
    string? Region,
    ExploitationForm? Form,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Evidence> Work,
    string Reason)
{
    /// <summary>Whether the slave-labour article (127.2) is among the articles cited.</summary>
    public bool ChargedAsSlaveLabour => Articles.Contains("127.2");

    /// <summary>Evidence of forced labour in a case where art. 127.2 was not cited: what the study calls hidden.</summary>
    public bool Hidden => ForcedLabour && !ChargedAsSlaveLabour;
}
