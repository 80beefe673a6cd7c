using Workbridge.Core.Common;
using Workbridge.Core.Reference;

namespace Workbridge.Core.Pay;

/// <summary>
/// The regional minimum wage turned into hourly and pro-rata figures, in kopecks, always rounded up so that the
/// person is never short of the minimum by a rounding.
/// </summary>
public static class MinimumPay
{
    /// <summary>
    /// The hourly floor for an offered wage: the monthly minimum with the district coefficient, times 12, over the year's
    /// norm of hours (<see cref="WorkingCalendar.YearNormHours"/>). Months with fewer hours are topped up on the pay
    /// statement (<see cref="ProRataMinimum"/>).
    /// </summary>
    public static long HourlyMinimum(Region region, DateOnly date)
    {
        var wage = WageOn(region, date);
        return CeilDiv(checked(wage.MonthlyWithCoefficientMinor * 12), WorkingCalendar.YearNormHours(date.Year));
    }

    /// <summary>The least pay for <paramref name="minutes"/> worked in a month: the monthly minimum in proportion to the month's norm of hours.</summary>
    public static long ProRataMinimum(Region region, int year, int month, long minutes)
    {
        var wage = WageOn(region, new DateOnly(year, month, 1));
        return CeilDiv(checked(wage.MonthlyWithCoefficientMinor * minutes), WorkingCalendar.MonthNormHours(year, month) * 60L);
    }

    /// <summary>Refuses an hourly wage below the floor, naming the floor: the first of the safeguards on pay.</summary>
    public static void RequireAtLeastMinimum(Region region, long hourlyWageMinor, DateOnly date, string field = "hourlyWageMinor")
    {
        var minimum = HourlyMinimum(region, date);
        if (hourlyWageMinor < minimum)
        {
            var wage = WageOn(region, date);
            throw new RuleViolation("pay.below-minimum", $"The wage of {hourlyWageMinor} kopecks an hour is below the regional minimum of {minimum} kopecks an hour in {region.Code} (monthly minimum {wage.MonthlyWithCoefficientMinor} kopecks with the district coefficient, {wage.Source}; {WorkingCalendar.YearNormHours(date.Year)} norm hours in {date.Year}).", field);
        }
    }

    private static MinimumWage WageOn(Region region, DateOnly date) =>
        region.MinimumWageOn(date) ?? throw new RuleViolation("pay.no-minimum", $"Region {region.Code} has no minimum wage recorded for {date:yyyy-MM-dd}; add one before offering paid work there.", "region");

    internal static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
