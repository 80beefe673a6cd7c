namespace Workbridge.Core.Reference;

/// <summary>
/// Hour caps of a jurisdiction, in whole hours. Later rules (timesheets) never let recorded hours exceed them; an
/// operator may set lower caps, never higher ones than the law.
/// </summary>
public sealed record WorkingTimeRules(
    int WeeklyHours,
    int DailyHours,
    int WeeklyHoursAged16To18,
    int WeeklyHoursUnder16,
    int DailyHoursAged16To18,
    int DailyHoursAged15To16,
    string Source)
{
    /// <summary>
    /// The Labour Code of the Russian Federation: art. 91 (normal working time at most 40 hours a week), art. 92
    /// (reduced time: 35 hours for ages 16–18, 24 hours under 16), art. 94 (daily: 8 hours for a 40-hour five-day week,
    /// 7 hours for ages 16–18, 5 hours for ages 15–16).
    /// </summary>
    public static WorkingTimeRules RussianLabourCode { get; } = new(40, 8, 35, 24, 7, 5, "Labour Code of the Russian Federation, arts. 91, 92, 94");
}
