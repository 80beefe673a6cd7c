namespace Workbridge.Core.Verdicts;

/// <summary>
/// A word or number of a text: where it starts and how many characters it spans (marks inside included). A plain token
/// is letters of one alphabet or digits only, so its folded characters are its key as they stand, and
/// <paramref name="Hash"/> (<see cref="WordCache"/>'s hash of those characters, made while the token was read) is the
/// key's hash.
/// </summary>
public readonly record struct TextToken(int Start, int Length, TokenScript Script, bool Plain = true, int Hash = 0)
{
    public int End => Start + Length;
}
