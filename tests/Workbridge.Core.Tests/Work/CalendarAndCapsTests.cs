using Shouldly;
using Workbridge.Core.Common;
using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Work;

namespace Workbridge.Core.Tests.Work;

public sealed class CalendarAndCapsTests
{
    [Theory]
    // Worked out by hand from art. 112, art. 95 and decree no. 1466 of 24.09.2025.
    [InlineData(1, 120)]
    [InlineData(2, 152)]
    [InlineData(3, 168)]
    [InlineData(4, 175)]
    [InlineData(5, 151)]
    [InlineData(6, 167)]
    [InlineData(11, 159)]
    [InlineData(12, 176)]
    public void MonthNormHours_2026_MatchesTheLabourCodeAndDecree(int month, int hours) =>
        WorkingCalendar.MonthNormHours(2026, month).ShouldBe(hours);

    [Fact]
    public void YearNormHours_2026_Is1972() => WorkingCalendar.YearNormHours(2026).ShouldBe(1972);

    [Fact]
    public void YearNormHours_WithoutADecree_StillMovesTheJanuaryWeekendHolidays()
    {
        // 2027: 2 and 3 January fall on a weekend; with no decree known they give 11 and 12 January off.
        WorkingCalendar.HasDecree(2027).ShouldBeFalse();
        WorkingCalendar.IsWorkingDay(new DateOnly(2027, 1, 11)).ShouldBeFalse();
        WorkingCalendar.IsWorkingDay(new DateOnly(2027, 1, 12)).ShouldBeFalse();
        WorkingCalendar.IsWorkingDay(new DateOnly(2027, 1, 13)).ShouldBeTrue();
    }

    [Fact]
    public void IsWorkingDay_HolidayOnASunday_GivesTheMondayOff()
    {
        // 8 March 2026 is a Sunday: Monday the 9th is the day off (art. 112 part 2).
        WorkingCalendar.IsWorkingDay(new DateOnly(2026, 3, 9)).ShouldBeFalse();
        WorkingCalendar.IsWorkingDay(new DateOnly(2026, 3, 10)).ShouldBeTrue();
    }

    [Fact]
    public void HourlyMinimum_2026_IsTheMonthlyMinimumOverTheYearsNorm()
    {
        MinimumPay.HourlyMinimum(WorkFixture.Tatarstan, WorkFixture.Today).ShouldBe(16_487);
        var refused = Should.Throw<RuleViolation>(() => MinimumPay.RequireAtLeastMinimum(WorkFixture.Tatarstan, 16_486, WorkFixture.Today));
        refused.Code.ShouldBe("pay.below-minimum");
        refused.Message.ShouldContain("below the regional minimum of 16487 kopecks an hour");
    }

    [Theory]
    [InlineData(30, 8, 40)]
    [InlineData(17, 7, 35)]
    [InlineData(15, 5, 24)]
    [InlineData(14, 4, 24)]
    [InlineData(13, 0, 0)]
    public void For_Age_GivesTheLabourCodeCaps(int age, int daily, int weekly)
    {
        var caps = HourCaps.For(WorkingTimeRules.RussianLabourCode, age);
        caps.DailyHours.ShouldBe(daily);
        caps.WeeklyHours.ShouldBe(weekly);
    }

    [Fact]
    public void Check_SixteenYearOldOverTheWeek_NamesTheCapAndArticle()
    {
        var caps = HourCaps.For(WorkingTimeRules.RussianLabourCode, 16);
        var refused = Should.Throw<RuleViolation>(() => caps.Check(new DateOnly(2026, 11, 20), 7 * 60, 0, 29 * 60, 16));
        refused.Code.ShouldBe("timesheet.weekly-cap");
        refused.Message.ShouldContain("36 hours");
        refused.Message.ShouldContain("cap of 35");
        refused.Message.ShouldContain("art. 92");
    }

    [Fact]
    public void Check_AdultNineHours_IsOverTheDailyCap() =>
        Should.Throw<RuleViolation>(() => HourCaps.For(WorkingTimeRules.RussianLabourCode, 30).Check(new DateOnly(2026, 11, 20), 9 * 60, 0, 0, 30)).Code.ShouldBe("timesheet.daily-cap");

    [Fact]
    public void WeekStart_IsMonday() => HourCaps.WeekStart(new DateOnly(2026, 11, 22)).ShouldBe(new DateOnly(2026, 11, 16));

    [Theory]
    [InlineData("7707083893", true)]
    [InlineData("7707083894", false)]
    [InlineData("500100732259", true)]
    [InlineData("500100732258", false)]
    [InlineData("77070838", false)]
    public void IsValidInn_ChecksTheCheckDigits(string inn, bool valid) => Employer.IsValidInn(inn).ShouldBe(valid);

    [Fact]
    public void Terms_AnyChangeOfWageHoursOrDuties_ChangesTheHash()
    {
        var terms = WorkFixture.Terms();
        terms.Hash.ShouldBe(WorkFixture.Terms().Hash);
        (terms with { HourlyWageMinor = 30_001 }).Hash.ShouldNotBe(terms.Hash);
        (terms with { HoursPerWeek = 39 }).Hash.ShouldNotBe(terms.Hash);
        (terms with { Duties = terms.Duties + " Also night shifts." }).Hash.ShouldNotBe(terms.Hash);
        (terms with { End = null }).Hash.ShouldNotBe(terms.Hash);
        // Lengths are hashed with the fields: moving text from one field to the next is a different hash.
        (terms with { Title = "ab", Duties = "c" }).Hash.ShouldNotBe((terms with { Title = "a", Duties = "bc" }).Hash);
    }
}
