using System.Globalization;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;

namespace Workbridge.Core.Work;

/// <summary>
/// The daily and weekly caps on a person's hours, across all their placements together, from the region's working-time
/// rules and the person's age on the day. Weeks run Monday to Sunday.
/// </summary>
public sealed record HourCaps(int DailyHours, int WeeklyHours, string DailyArticle, string WeeklyArticle)
{
    public static HourCaps For(WorkingTimeRules rules, int age) => age switch
    {
        >= 18 => new(rules.DailyHours, rules.WeeklyHours, "Labour Code art. 91 (40-hour week over five days)", "Labour Code art. 91"),
        >= 16 => new(rules.DailyHoursAged16To18, rules.WeeklyHoursAged16To18, "Labour Code art. 94", "Labour Code art. 92"),
        >= 15 => new(rules.DailyHoursAged15To16, rules.WeeklyHoursUnder16, "Labour Code art. 94", "Labour Code art. 92"),
        // Art. 94 gives 4 hours a day from 14 to 15; nobody younger may be given work at all (art. 63).
        >= 14 => new(Math.Min(4, rules.DailyHoursAged15To16), rules.WeeklyHoursUnder16, "Labour Code art. 94", "Labour Code art. 92"),
        _ => new(0, 0, "Labour Code art. 63", "Labour Code art. 63"),
    };

    /// <summary>
    /// Checks one day's minutes for a person against the caps, given the minutes already recorded for them that day and
    /// in the rest of that week (other placements included, the entry being replaced left out).
    /// </summary>
    public void Check(DateOnly date, int minutes, int otherMinutesThatDay, int otherMinutesThatWeek, int age)
    {
        if (minutes <= 0 || minutes > 24 * 60)
        {
            throw new RuleViolation("timesheet.minutes", "Hours for a day must be more than 0 and at most 24.", "hours");
        }

        if (DailyHours == 0)
        {
            throw new RuleViolation("timesheet.under-age", $"Nobody aged {age} may be given work ({DailyArticle}).", "hours");
        }

        var day = otherMinutesThatDay + minutes;
        if (day > DailyHours * 60)
        {
            throw new RuleViolation("timesheet.daily-cap", $"{Hours(day)} hours on {date:yyyy-MM-dd} for a person aged {age} is over the daily cap of {DailyHours} ({DailyArticle}); all placements count together.", "hours");
        }

        var week = otherMinutesThatWeek + minutes;
        if (week > WeeklyHours * 60)
        {
            throw new RuleViolation("timesheet.weekly-cap", $"{Hours(week)} hours in the week of {WeekStart(date):yyyy-MM-dd} for a person aged {age} is over the weekly cap of {WeeklyHours} ({WeeklyArticle}); all placements count together.", "hours");
        }
    }

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string Hours(int minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);
}
