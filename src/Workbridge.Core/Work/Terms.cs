using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workbridge.Core.Common;

namespace Workbridge.Core.Work;

/// <summary>
/// The terms a person consents to: what the work (or course) is, the hourly wage in kopecks (zero for training), the
/// hours a week and the dates. Any change of these needs a new consent; <see cref="Hash"/> is what a consent holds.
/// </summary>
public sealed record Terms(string Title, string Duties, long HourlyWageMinor, int HoursPerWeek, DateOnly Start, DateOnly? End)
{
    /// <summary>100,000 roubles an hour: far above any real wage, and low enough that pay arithmetic cannot overflow.</summary>
    public const long MaxHourlyWageMinor = 10_000_000;

    private const string Domain = "workbridge/terms/v1";

    /// <summary>SHA-256 (hex) over the fields in a fixed order with their lengths, so no two different terms share a text.</summary>
    public string Hash
    {
        get
        {
            var builder = new StringBuilder(Domain);
            foreach (var part in new[] { Title, Duties, HourlyWageMinor.ToString(CultureInfo.InvariantCulture), HoursPerWeek.ToString(CultureInfo.InvariantCulture), Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "" })
            {
                builder.Append('\n').Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
        }
    }

    /// <summary>Checks the shape every opening needs; the wage floor is checked against the region by <see cref="Pay.MinimumPay"/>.</summary>
    public static Terms Validated(string title, string duties, long hourlyWageMinor, int hoursPerWeek, DateOnly start, DateOnly? end, int weeklyCap)
    {
        var t = title?.Trim() ?? "";
        if (t.Length is < 2 or > 200)
        {
            throw new RuleViolation("terms.title", "A title is 2 to 200 characters.", "title");
        }

        var d = duties?.Trim() ?? "";
        if (d.Length is < 10 or > 4000)
        {
            throw new RuleViolation("terms.duties", "Describe the duties in plain language, 10 to 4000 characters: the person consents to them.", "duties");
        }

        if (hourlyWageMinor is < 0 or > MaxHourlyWageMinor)
        {
            throw new RuleViolation("terms.wage", $"The hourly wage must be 0 to {MaxHourlyWageMinor} kopecks.", "hourlyWageMinor");
        }

        if (hoursPerWeek < 1 || hoursPerWeek > weeklyCap)
        {
            throw new RuleViolation("terms.hours", $"Hours a week must be 1 to {weeklyCap} (the weekly cap, Labour Code art. 91).", "hoursPerWeek");
        }

        if (end is { } e && e < start)
        {
            throw new RuleViolation("terms.dates", "The end date cannot be before the start date.", "end");
        }

        return new Terms(t, d, hourlyWageMinor, hoursPerWeek, start, end);
    }
}
