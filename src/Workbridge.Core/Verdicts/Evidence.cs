namespace Workbridge.Core.Verdicts;

/// <summary>
/// One piece of evidence: the indicator, the sentence it stands in (and where the sentence starts), and the matched
/// words as offsets into the document's text (start inclusive, end exclusive, in Unicode code points, as Python
/// counts; for text without characters beyond the BMP these are also UTF-16 offsets).
/// </summary>
public sealed record Evidence(string Indicator, string Sentence, int Start, int End, bool Strong, int SentenceStart);
