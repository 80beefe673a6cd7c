namespace Workbridge.Core.Verdicts;

/// <summary>
/// One compiled pattern of the lexicon: its words in order (each a set of alternatives), how many other words may stand
/// between two of them, and what a match is evidence of.
/// </summary>
public sealed record CuePattern(int Index, CueKind Kind, ForcedLabourIndicator? Indicator, ExploitationForm? Form, bool Strong, int Gap, string Text, int Line)
{
    /// <summary>The number of words the pattern has.</summary>
    public int Slots { get; init; }

    /// <summary>Whether the pattern's first word must be the sentence's first ("^" in the lexicon).</summary>
    public bool Anchored { get; init; }

    /// <summary>
    /// Whether the pattern names compulsion as a state ("в рабстве", "рабский труд", "slavery"; "servitude" in the
    /// lexicon): in quotation marks it is someone's word for what happened («трудятся как рабы», «держат в рабстве»),
    /// not the court's finding.
    /// </summary>
    public bool Named { get; init; }
}
