namespace Workbridge.Core.Reference;

/// <summary>
/// Categories an offence article maps to. Security rules (e.g. computer crimes → no privileged systems access) read
/// these, never free text. Stored as bit flags: the values must never be renumbered.
/// </summary>
[Flags]
public enum OffenceCategory
{
    None = 0,
    Violent = 1 << 0,
    Homicide = 1 << 1,
    Sexual = 1 << 2,
    SexualAgainstMinors = 1 << 3,
    AgainstMinors = 1 << 4,
    Property = 1 << 5,
    Fraud = 1 << 6,
    Financial = 1 << 7,
    Computer = 1 << 8,
    Drugs = 1 << 9,
    Weapons = 1 << 10,
    Extremism = 1 << 11,
    Terrorism = 1 << 12,
    Trafficking = 1 << 13,
    Exploitation = 1 << 14,
    Traffic = 1 << 15,
    PublicOrder = 1 << 16,
    AgainstJustice = 1 << 17,
    Corruption = 1 << 18,
    Economic = 1 << 19,
    Military = 1 << 20,
}

public static class OffenceCategories
{
    /// <summary>Parses the kebab-case names used in data files ("sexual-against-minors;computer").</summary>
    public static OffenceCategory Parse(string text)
    {
        var result = OffenceCategory.None;
        foreach (var part in text.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.Replace("-", "", StringComparison.Ordinal);
            if (!Enum.TryParse<OffenceCategory>(name, ignoreCase: true, out var category) || category == OffenceCategory.None)
            {
                throw new FormatException($"'{part}' is not an offence category.");
            }

            result |= category;
        }

        return result;
    }

    public static string Format(OffenceCategory categories) =>
        string.Join(';', Enum.GetValues<OffenceCategory>().Where(c => c != OffenceCategory.None && categories.HasFlag(c)).Select(Common.EnumText.Kebab));
}
