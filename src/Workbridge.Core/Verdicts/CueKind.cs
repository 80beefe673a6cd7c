namespace Workbridge.Core.Verdicts;

/// <summary>What a lexicon pattern is evidence of.</summary>
public enum CueKind
{
    Indicator,
    Work,
    Compulsion,
    Form,
    Negation,
    Denial,
    Legal,
}
