using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Workbridge.Core.Common;
using Workbridge.Core.Reference;
using Workbridge.Core.Work;
using static Workbridge.Core.Tests.Work.WorkFixture;

namespace Workbridge.Core.Tests.Work;

public sealed class TimesheetTests
{
    [Fact]
    public void Record_Future_IsRefused()
    {
        var person = Person();
        var order = Order();
        var placement = Active(person, order);
        Should.Throw<RuleViolation>(() => TimesheetEntry.Record(placement, order, person, WorkingTimeRules.RussianLabourCode, Today.AddDays(1), 60, [], "staff", DateOnly.FromDateTime(Now), Now)).Code.ShouldBe("timesheet.future");
    }

    [Fact]
    public void Record_SameDayAgain_CorrectsTheEntry()
    {
        var person = Person();
        var order = Order();
        var placement = Active(person, order);
        var first = TimesheetEntry.Record(placement, order, person, WorkingTimeRules.RussianLabourCode, Today, 8 * 60, [], "staff", DateOnly.FromDateTime(Now), Now);
        var second = TimesheetEntry.Record(placement, order, person, WorkingTimeRules.RussianLabourCode, Today, 6 * 60, [first], "staff", DateOnly.FromDateTime(Now), Now);
        second.ShouldBeSameAs(first);
        second.Minutes.ShouldBe(360);
    }

    [Fact]
    public void Record_TwoPlacementsTogetherOverTheDailyCap_IsRefused()
    {
        var person = Person();
        var a = Order();
        var b = Order();
        var first = TimesheetEntry.Record(Active(person, a), a, person, WorkingTimeRules.RussianLabourCode, Today, 5 * 60, [], "staff", DateOnly.FromDateTime(Now), Now);
        var refused = Should.Throw<RuleViolation>(() => TimesheetEntry.Record(Active(person, b), b, person, WorkingTimeRules.RussianLabourCode, Today, 4 * 60, [first], "staff", DateOnly.FromDateTime(Now), Now));
        refused.Code.ShouldBe("timesheet.daily-cap");
        refused.Message.ShouldContain("all placements count together");
    }

    [Fact]
    public void Dispute_KeepsTheHours_AndNeedsAReason()
    {
        var person = Person();
        var order = Order();
        var entry = TimesheetEntry.Record(Active(person, order), order, person, WorkingTimeRules.RussianLabourCode, Today, 240, [], "staff", DateOnly.FromDateTime(Now), Now);
        Should.Throw<RuleViolation>(() => entry.Dispute("")).Code.ShouldBe("timesheet.dispute-note");
        entry.Dispute("I worked 6 hours, not 4.");
        entry.Status.ShouldBe(TimesheetStatus.Disputed);
        entry.Minutes.ShouldBe(240);
    }

    /// <summary>Random entries by random people of any working age on two placements: no day or week ever goes over its cap.</summary>
    [Fact]
    public void Record_AnySequence_NeverExceedsTheCaps()
    {
        var entry = from which in Gen.Choose(0, 1)
                    from day in Gen.Choose(0, 13)
                    from minutes in Gen.Choose(-30, 10 * 60)
                    select (Which: which, Day: day, Minutes: minutes);
        var scenario = from age in Gen.Choose(14, 40)
                       from entries in entry.ListOf()
                       select (Age: age, Entries: entries);
        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var person = Person(birth: Today.AddYears(-s.Age).AddDays(-20));
            JobOrder[] orders = [Order(terms: Terms(hours: 20)), Order(terms: Terms(hours: 20))];
            Placement[] placements = [Active(person, orders[0]), Active(person, orders[1])];
            var recorded = new List<TimesheetEntry>();
            foreach (var (which, day, minutes) in s.Entries)
            {
                var date = Today.AddDays(day);
                try
                {
                    var saved = TimesheetEntry.Record(placements[which], orders[which], person, WorkingTimeRules.RussianLabourCode, date, minutes, recorded, "staff", DateOnly.FromDateTime(Now.AddDays(20)), Now.AddDays(20));
                    if (!recorded.Contains(saved))
                    {
                        recorded.Add(saved);
                    }
                }
                catch (RuleViolation)
                {
                }
            }

            // The birthday is 20 days before the first date: the age is the same on every date.
            var caps = HourCaps.For(WorkingTimeRules.RussianLabourCode, s.Age);
            foreach (var byDay in recorded.GroupBy(e => e.Date))
            {
                byDay.Sum(e => e.Minutes).ShouldBeLessThanOrEqualTo(caps.DailyHours * 60);
            }

            foreach (var byWeek in recorded.GroupBy(e => HourCaps.WeekStart(e.Date)))
            {
                byWeek.Sum(e => e.Minutes).ShouldBeLessThanOrEqualTo(caps.WeeklyHours * 60);
            }

            recorded.Count.ShouldBe(recorded.Select(e => (e.PlacementId, e.Date)).Distinct().Count());

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
