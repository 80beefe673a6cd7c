namespace Workbridge.Core.Verdicts;

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
