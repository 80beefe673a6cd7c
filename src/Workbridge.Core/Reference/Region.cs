using Workbridge.Core.Common;

namespace Workbridge.Core.Reference;

/// <summary>
/// A federal subject or state, identified by its ISO 3166-2 code (RU-MOW). Carries the minimum wage history and the
/// working-time caps that pay and timesheet rules read.
/// </summary>
public sealed class Region
{
    private readonly List<MinimumWage> _minimumWages = [];

    private Region()
    {
        Code = "";
        CountryCode = "";
        NameEn = "";
        NameRu = "";
        Currency = "";
        WorkingTime = WorkingTimeRules.RussianLabourCode;
    }

    public Region(string code, string nameEn, string nameRu, string currency, long population, int utcOffsetHours, WorkingTimeRules workingTime)
    {
        if (!IsIsoSubdivisionCode(code))
        {
            throw new RuleViolation("region.code", $"'{code}' is not an ISO 3166-2 code such as RU-MOW.", "code");
        }

        Code = code;
        CountryCode = code[..2];
        NameEn = Require(nameEn, "nameEn");
        NameRu = Require(nameRu, "nameRu");
        Currency = currency.Length == 3 ? currency : throw new RuleViolation("region.currency", $"'{currency}' is not an ISO 4217 currency code.", "currency");
        Population = population >= 0 ? population : throw new RuleViolation("region.population", "Population cannot be negative.", "population");
        UtcOffsetHours = utcOffsetHours;
        WorkingTime = workingTime;
    }

    /// <summary>ISO 3166-2 code, e.g. RU-MOW.</summary>
    public string Code { get; private set; }

    /// <summary>ISO 3166-1 alpha-2 country code, the first two letters of <see cref="Code"/>.</summary>
    public string CountryCode { get; private set; }

    public string NameEn { get; private set; }

    public string NameRu { get; private set; }

    /// <summary>ISO 4217 currency of wages in this region; money is held in its minor unit.</summary>
    public string Currency { get; private set; }

    /// <summary>Resident population, used to weight synthetic data and regional reports.</summary>
    public long Population { get; private set; }

    public int UtcOffsetHours { get; private set; }

    public WorkingTimeRules WorkingTime { get; private set; }

    /// <summary>Minimum wage history, newest last; rates are never overwritten, only superseded by a later one.</summary>
    public IReadOnlyList<MinimumWage> MinimumWages => _minimumWages;

    public string Name(string language) => language == "ru" ? NameRu : NameEn;

    /// <summary>Adds a minimum wage that applies from its effective date; an earlier or equal date than the latest is refused.</summary>
    public void AddMinimumWage(MinimumWage wage)
    {
        if (_minimumWages.Count > 0 && wage.EffectiveFrom <= _minimumWages[^1].EffectiveFrom)
        {
            throw new RuleViolation("region.minimum-wage-order", $"A minimum wage from {wage.EffectiveFrom:yyyy-MM-dd} must be later than the latest one ({_minimumWages[^1].EffectiveFrom:yyyy-MM-dd}).", "effectiveFrom");
        }

        _minimumWages.Add(wage);
    }

    /// <summary>The minimum wage in force on <paramref name="date"/>, or null before the first recorded one.</summary>
    public MinimumWage? MinimumWageOn(DateOnly date) => _minimumWages.LastOrDefault(w => w.EffectiveFrom <= date);

    public static bool IsIsoSubdivisionCode(string? code) =>
        code is { Length: >= 4 and <= 6 }
        && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && code[2] == '-'
        && code[3..].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static string Require(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new RuleViolation("region.name", $"{field} is required.", field) : value.Trim();
}
