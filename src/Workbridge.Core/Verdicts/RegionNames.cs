using Workbridge.Core.Common;

namespace Workbridge.Core.Verdicts;

/// <summary>
/// Recognises a federal subject in Russian text from its name in any grammatical case (stems such as "челябинск",
/// "приморского кра"), longest form first, so that "Ямало-Ненецкого автономного округа" is not read as the Nenets
/// okrug. A name after "г." or "город" (the seat of the court) weighs more than one used as an adjective, because
/// district courts in every city are called "Московский", "Ленинский" and so on. A form ending in "$" matches a whole
/// word only ("тула$" is Tula, not "тулуп"; "perm$" is not "permitted"); other forms match the beginning of a word.
/// </summary>
public sealed class RegionNames
{
    private readonly (string Form, string Code, bool Whole)[] _forms;

    /// <param name="forms">Region code and lower-case name forms, e.g. ("RU-CHE", ["челябинск"]).</param>
    public RegionNames(IEnumerable<(string Code, IEnumerable<string> Forms)> forms) =>
        _forms = [.. forms.SelectMany(r => r.Forms.Select(f => (Form: SearchText.Fold(f.TrimEnd('$')), r.Code, Whole: f.EndsWith('$'))))
            .Where(f => f.Form.Length > 0).OrderByDescending(f => f.Form.Length)];

    /// <summary>The region the text is most about, or null when it names none.</summary>
    public string? Find(string text)
    {
        var folded = SearchText.Fold(text);
        var taken = new bool[folded.Length];
        var scores = new Dictionary<string, (int Score, int First)>();
        foreach (var (form, code, whole) in _forms)
        {
            for (var at = folded.IndexOf(form, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(form, at + 1, StringComparison.Ordinal))
            {
                var after = at + form.Length;
                if ((at > 0 && char.IsLetter(folded[at - 1])) || (whole && after < folded.Length && char.IsLetter(folded[after])) || taken.AsSpan(at, form.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(at, form.Length).Fill(true);
                var context = folded[Math.Max(0, at - 14)..at];
                var weight = context.Contains("г.", StringComparison.Ordinal) || context.Contains("город", StringComparison.Ordinal) ? 3 : 1;
                var (score, first) = scores.GetValueOrDefault(code, (0, at));
                scores[code] = (score + weight, Math.Min(first, at));
            }
        }

        return scores.Count == 0 ? null : scores.OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.First).First().Key;
    }
}
