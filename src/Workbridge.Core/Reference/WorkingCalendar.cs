namespace Workbridge.Core.Reference;

/// <summary>
/// Russia's working calendar for a five-day 40-hour week: the non-working holidays of Labour Code art. 112 part 1, a
/// holiday on a weekend moved to the next working day (art. 112 part 2), the weekend days of 1–8 January moved by the
/// Government's yearly decree (known years only, listed below; in other years they move to the next working days), and
/// the working day before a holiday shortened by one hour (art. 95). The norm of hours it gives turns a monthly minimum wage into an hourly one.
/// </summary>
public static class WorkingCalendar
{
    private static readonly (int Month, int Day)[] _holidays =
    [
        (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8),
        (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4),
    ];

    // Government decrees moving days off: no. 1335 of 04.10.2024 (for 2025) and no. 1466 of 24.09.2025 (for 2026).
    // Each pair is a day made a day off and, where the decree says so, a weekend day made a working day.
    private static readonly Dictionary<int, (DateOnly[] DaysOff, DateOnly[] WorkingDays)> _decrees = new()
    {
        [2025] = ([new(2025, 5, 2), new(2025, 12, 31), new(2025, 11, 3)], [new(2025, 11, 1)]),
        [2026] = ([new(2026, 1, 9), new(2026, 12, 31)], []),
    };

    /// <summary>Whether the yearly decree for <paramref name="year"/> is known; without it January's weekend holidays are not moved.</summary>
    public static bool HasDecree(int year) => _decrees.ContainsKey(year);

    public static bool IsHoliday(DateOnly date) => Array.IndexOf(_holidays, (date.Month, date.Day)) >= 0;

    public static bool IsWorkingDay(DateOnly date)
    {
        if (_decrees.TryGetValue(date.Year, out var decree))
        {
            if (Array.IndexOf(decree.WorkingDays, date) >= 0)
            {
                return true;
            }

            if (Array.IndexOf(decree.DaysOff, date) >= 0)
            {
                return false;
            }
        }

        return !IsHoliday(date) && !IsWeekend(date) && !IsMovedHoliday(date);
    }

    /// <summary>Hours of work in <paramref name="date"/>'s day under a 40-hour week: 8, 7 before a holiday, 0 on a day off.</summary>
    public static int NormHours(DateOnly date) => !IsWorkingDay(date) ? 0 : IsHoliday(date.AddDays(1)) ? 7 : 8;

    /// <summary>The norm of hours of a calendar month under a 40-hour week.</summary>
    public static int MonthNormHours(int year, int month)
    {
        var hours = 0;
        for (var day = new DateOnly(year, month, 1); day.Month == month; day = day.AddDays(1))
        {
            hours += NormHours(day);
        }

        return hours;
    }

    public static int YearNormHours(int year) => Enumerable.Range(1, 12).Sum(m => MonthNormHours(year, m));

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // Art. 112 part 2: a holiday falling on a weekend gives the next working day off; the 1–8 January ones are moved
    // by decree instead, which is why they are left out here. Worked out once a year, walking the days in order.
    private static bool IsMovedHoliday(DateOnly date) => _moved.GetOrAdd(date.Year, MovedHolidays).Contains(date);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> _moved = new();

    private static HashSet<DateOnly> MovedHolidays(int year)
    {
        var moved = new HashSet<DateOnly>();
        var owed = 0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            if (IsHoliday(day))
            {
                // Without a known decree the January ones move too, to the first working days after them: the year's
                // norm then comes out right, and January's is, if anything, lower (a higher hourly minimum).
                owed += IsWeekend(day) && (day.Month != 1 || !_decrees.ContainsKey(year)) ? 1 : 0;
            }
            else if (!IsWeekend(day) && owed > 0)
            {
                moved.Add(day);
                owed--;
            }
        }

        return moved;
    }
}
