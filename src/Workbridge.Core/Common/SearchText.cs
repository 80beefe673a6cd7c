using System.Globalization;
using System.Text;

namespace Workbridge.Core.Common;

/// <summary>
/// The folded form of a name used for search: NFKC, lower case, ё → е, runs of spaces and hyphens as one space.
/// "Семёнов-Тян  Пётр" and "семенов тян петр" fold to the same key, so a search finds either spelling.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var raw in normalized)
        {
            var c = char.ToLower(raw, CultureInfo.InvariantCulture);
            if (c == 'ё')
            {
                c = 'е';
            }

            if (char.IsWhiteSpace(c) || c == '-' || c == '‐' || c == '–' || c == '—')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/> (ordinal order).</summary>
    public static string UpperBound(string prefix) => prefix + '\uffff';
}
