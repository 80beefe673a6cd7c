using System.Text;

namespace Workbridge.Core.Reference;

/// <summary>
/// A reference to a provision of a code: code, article, and optionally part and point, written canonically as
/// <c>RU-UK 158 ч.2 п.«а»</c>. Article numbers keep their dotted form: 127.2 is its own article, never 127.
/// </summary>
public sealed record LegalReference(string Code, string Article, string? Part = null, string? Point = null)
{
    public override string ToString()
    {
        var builder = new StringBuilder(Code).Append(' ').Append(Article);
        if (Part is not null)
        {
            builder.Append(" ч.").Append(Part);
        }

        if (Point is not null)
        {
            builder.Append(" п.«").Append(Point).Append('»');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Parses <c>CODE ARTICLE [ч.PART] [п.«POINT»]</c>. Accepts "ч. 2", "ч2", "part 2", "п.а", "п. «а»", "point a".
    /// </summary>
    public static bool TryParse(string? text, out LegalReference? reference, out string? error)
    {
        reference = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a legal reference is empty";
            return false;
        }

        var rest = text.Trim();
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            error = $"'{text}' needs a code and an article, e.g. RU-UK 158 ч.2 п.«а»";
            return false;
        }

        var code = rest[..space];
        if (!code.All(c => char.IsAsciiLetterUpper(c) || c == '-'))
        {
            error = $"'{code}' is not a code such as RU-UK";
            return false;
        }

        rest = rest[(space + 1)..].TrimStart();
        var articleLength = 0;
        while (articleLength < rest.Length && (char.IsAsciiDigit(rest[articleLength]) || (rest[articleLength] == '.' && articleLength + 1 < rest.Length && char.IsAsciiDigit(rest[articleLength + 1]))))
        {
            articleLength++;
        }

        if (articleLength == 0 || !char.IsAsciiDigit(rest[0]))
        {
            error = $"'{text}' has no article number after the code";
            return false;
        }

        var article = rest[..articleLength];
        rest = rest[articleLength..].Trim();
        string? part = null;
        string? point = null;
        while (rest.Length > 0)
        {
            if (TryTake(ref rest, ["ч.", "ч", "part"], out var value, digits: true))
            {
                if (part is not null)
                {
                    error = $"'{text}' names a part twice";
                    return false;
                }

                part = value;
            }
            else if (TryTake(ref rest, ["п.", "п", "point"], out value, digits: false))
            {
                if (point is not null)
                {
                    error = $"'{text}' names a point twice";
                    return false;
                }

                point = value;
            }
            else
            {
                error = $"'{rest}' in '{text}' is neither a part (ч.2) nor a point (п.«а»)";
                return false;
            }
        }

        reference = new LegalReference(code, article, part, point);
        return true;
    }

    /// <summary>Sorts article numbers as the code does: 127 &lt; 127.1 &lt; 127.2 &lt; 158, by number, not by text.</summary>
    public static (int Article, int Sub) ArticleOrder(string article)
    {
        var parts = article.Split('.');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    public static LegalReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference! : throw new FormatException(error);

    private static bool TryTake(ref string rest, string[] prefixes, out string value, bool digits)
    {
        value = "";
        foreach (var prefix in prefixes)
        {
            if (!rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var tail = rest[prefix.Length..].TrimStart();
            var quoted = tail.Length > 0 && (tail[0] == '«' || tail[0] == '"');
            if (quoted)
            {
                tail = tail[1..];
            }

            var length = 0;
            while (length < tail.Length && (digits ? char.IsAsciiDigit(tail[length]) || tail[length] == '.' : char.IsLetterOrDigit(tail[length])))
            {
                length++;
            }

            if (length == 0 || (digits && !char.IsAsciiDigit(tail[0])))
            {
                continue;
            }

            value = tail[..length].TrimEnd('.');
            tail = tail[length..];
            if (quoted)
            {
                if (tail.Length == 0 || (tail[0] != '»' && tail[0] != '"'))
                {
                    continue;
                }

                tail = tail[1..];
            }

            rest = tail.Trim();
            return true;
        }

        return false;
    }
}
