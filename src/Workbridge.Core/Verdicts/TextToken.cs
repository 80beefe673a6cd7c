namespace Workbridge.Core.Verdicts;

/// <summary>
/// A word or number of a text: where it starts and how many characters it spans (marks inside included). A plain token
/// is letters of one alphabet or digits only, so its folded characters are its key as they stand.
/// </summary>
public readonly record struct TextToken(int Start, int Length, TokenScript Script, bool Plain = true)
{
    public int End => Start + Length;
}
