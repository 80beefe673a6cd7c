using System.Text;

namespace Workbridge.Core.Common;

/// <summary>Enum values as kebab-case words in files and URLs ("pre-trial", "correctional-centre-work").</summary>
public static class EnumText
{
    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Parses "pre-trial", "PreTrial" or "pretrial"; numbers are refused so that a typo never maps to a value.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || char.IsAsciiDigit(text.Trim()[0]) || text.Trim()[0] == '-')
        {
            return false;
        }

        var name = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Choices<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Kebab));
}
