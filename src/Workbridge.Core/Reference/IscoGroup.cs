using Workbridge.Core.Common;

namespace Workbridge.Core.Reference;

/// <summary>The level of a group in ISCO-08, given by the length of its code.</summary>
public enum IscoLevel
{
    Major = 1,
    SubMajor = 2,
    Minor = 3,
    Unit = 4,
}

/// <summary>
/// A group of the International Standard Classification of Occupations (ISCO-08): a major (1 digit), sub-major (2),
/// minor (3) or unit group (4 digits). People's occupations and job orders always name a unit group.
/// </summary>
public sealed class IscoGroup
{
    private IscoGroup()
    {
        Code = "";
        TitleEn = "";
        TitleRu = "";
    }

    public IscoGroup(string code, string titleEn, string titleRu)
    {
        if (!IsCode(code))
        {
            throw new RuleViolation("isco.code", $"'{code}' is not an ISCO-08 code (1 to 4 digits).", "code");
        }

        Code = code;
        TitleEn = titleEn;
        TitleRu = titleRu;
    }

    public string Code { get; private set; }

    public string TitleEn { get; private set; }

    public string TitleRu { get; private set; }

    public IscoLevel Level => (IscoLevel)Code.Length;

    public string Title(string language) => language == "ru" ? TitleRu : TitleEn;

    public static bool IsCode(string? code) => code is { Length: >= 1 and <= 4 } && code.All(char.IsAsciiDigit);

    public static bool IsUnitCode(string? code) => code is { Length: 4 } && IsCode(code);

    /// <summary>The codes of the groups that contain <paramref name="unitCode"/>, from the major group down, itself last.</summary>
    public static IEnumerable<string> Ancestry(string unitCode)
    {
        for (var length = 1; length <= unitCode.Length; length++)
        {
            yield return unitCode[..length];
        }
    }
}
