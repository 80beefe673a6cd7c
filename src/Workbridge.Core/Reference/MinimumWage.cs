using Workbridge.Core.Common;

namespace Workbridge.Core.Reference;

/// <summary>
/// A monthly minimum wage in the region's minor currency unit (kopecks), in force from <see cref="EffectiveFrom"/>.
/// <see cref="DistrictCoefficientPermille"/> is the regional wage coefficient (районный коэффициент) paid on top, in
/// thousandths (1150 = ×1.15), so that money stays in integers.
/// </summary>
public sealed record MinimumWage
{
    private MinimumWage()
    {
        Source = "";
    }

    public MinimumWage(DateOnly effectiveFrom, long monthlyMinor, int districtCoefficientPermille, string source)
    {
        if (monthlyMinor <= 0)
        {
            throw new RuleViolation("minimum-wage.amount", "A minimum wage must be positive.", "monthlyMinor");
        }

        if (districtCoefficientPermille < 1000)
        {
            throw new RuleViolation("minimum-wage.coefficient", "A district coefficient cannot be below 1.000.", "districtCoefficient");
        }

        EffectiveFrom = effectiveFrom;
        MonthlyMinor = monthlyMinor;
        DistrictCoefficientPermille = districtCoefficientPermille;
        Source = string.IsNullOrWhiteSpace(source) ? throw new RuleViolation("minimum-wage.source", "A minimum wage needs the legal act it comes from.", "source") : source;
    }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Monthly minimum for a full working month, in kopecks, before the district coefficient.</summary>
    public long MonthlyMinor { get; private set; }

    public int DistrictCoefficientPermille { get; private set; }

    /// <summary>The legal act that set the figure.</summary>
    public string Source { get; private set; }

    /// <summary>Monthly minimum including the district coefficient, in kopecks, rounded up so that it never falls short.</summary>
    public long MonthlyWithCoefficientMinor => checked((MonthlyMinor * DistrictCoefficientPermille + 999) / 1000);
}
