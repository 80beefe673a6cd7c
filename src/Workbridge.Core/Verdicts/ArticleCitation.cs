namespace Workbridge.Core.Verdicts;

/// <summary>
/// One article of the Russian Criminal Code cited in a text, with the part and points when given, and where the
/// citation stands (character offsets, end exclusive). <see cref="Article"/> keeps its dotted form: "127.2", never "127".
/// </summary>
public sealed record ArticleCitation(string Article, string? Part, IReadOnlyList<string> Points, int Start, int End)
{
    public override string ToString() =>
        "ст." + Article + (Part is null ? "" : " ч." + Part) + (Points.Count == 0 ? "" : " п." + string.Join(',', Points));
}
