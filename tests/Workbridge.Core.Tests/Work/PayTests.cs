using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using Workbridge.Core.Common;
using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Registry;
using static Workbridge.Core.Tests.Work.WorkFixture;

namespace Workbridge.Core.Tests.Work;

public sealed class PayTests
{
    private static readonly Dictionary<string, Region> Regions = new() { ["RU-TA"] = Tatarstan, ["RU-MOW"] = Moscow };
    private static readonly Guid PersonId = Guid.NewGuid();

    private static DeductionOrder Order(DeductionKind kind, int? permille = null, long? monthly = null, long? outstanding = null, int age = 0) =>
        new(PersonId, kind, permille, monthly, outstanding, "Writ ФС 123456", new DateOnly(2026, 1, 1), null, Now.AddSeconds(age));

    [Fact]
    public void Compute_FullMonthAtTheFloor_TopsUpJanuaryToTheMinimum()
    {
        // January 2026 has 120 norm hours: 120 hours at 16,487 kopecks is 1,978,440, below the monthly 2,709,300.
        var result = PayCalculator.Compute(2026, 1, [new Earning(Guid.NewGuid(), "Assembler", 2026, 1, 120 * 60, 16_487, "RU-TA")], Regions, [], protectedShare: false);

        result.GrossMinor.ShouldBe(2_709_300);
        result.Lines.ShouldContain(l => l.Kind == PayLineKind.MinimumTopUp && l.AmountMinor == 2_709_300 - 1_978_440);
    }

    [Fact]
    public void Compute_TaxStateShareWritsAndUpkeep_InLegalOrder()
    {
        var stateShare = Order(DeductionKind.StateShare, permille: 100);
        var maintenance = Order(DeductionKind.Maintenance, permille: 250);
        var upkeep = Order(DeductionKind.Upkeep, monthly: 500_000);
        var result = PayCalculator.Compute(2026, 3, [new Earning(Guid.NewGuid(), "Welder", 2026, 3, 168 * 60, 30_000, "RU-TA")], Regions, [upkeep, maintenance, stateShare], protectedShare: false);

        // 168 h × 300 roubles = 50,400.00; tax 6,552; state share 5,040; maintenance 25 % of 43,848 = 10,962;
        // upkeep 5,000; credited 22,846.00, above the guaranteed 25 % (12,600).
        result.GrossMinor.ShouldBe(5_040_000);
        result.Lines.Where(l => l.Kind == PayLineKind.Deduction).Select(l => l.AmountMinor).ShouldBe([655_200, 504_000, 1_096_200, 500_000]);
        result.NetMinor.ShouldBe(2_284_600);
        result.GuaranteedMinor.ShouldBe(1_260_000);
    }

    [Fact]
    public void Compute_DeductionsWouldTakeEverything_TheGuaranteedShareStays()
    {
        var claims = Order(DeductionKind.VictimClaim, monthly: 100_000_000);
        var upkeep = Order(DeductionKind.Upkeep, monthly: 100_000_000);
        var result = PayCalculator.Compute(2026, 3, [new Earning(Guid.NewGuid(), "Welder", 2026, 3, 100 * 60, 30_000, "RU-TA")], Regions, [claims, upkeep], protectedShare: true);

        result.NetMinor.ShouldBe(result.GuaranteedMinor);
        result.GuaranteedPermille.ShouldBe(500);
    }

    [Fact]
    public void Issue_ReducesWhatIsStillOwed()
    {
        var claim = Order(DeductionKind.VictimClaim, monthly: 300_000, outstanding: 400_000);
        var earning = new Earning(Guid.NewGuid(), "Welder", 2026, 3, 168 * 60, 30_000, "RU-TA");
        var first = PayCalculator.Compute(2026, 3, [earning], Regions, [claim], false);
        PayStatement.Issue(PersonId, Colony.Id, 2026, 3, first, [], [claim], "staff", Now);
        claim.OutstandingMinor.ShouldBe(100_000);

        var second = PayCalculator.Compute(2026, 4, [earning with { Month = 4 }], Regions, [claim], false);
        second.Lines.Single(l => l.DeductionOrderId == claim.Id).AmountMinor.ShouldBe(100_000);
    }

    [Fact]
    public void DeductionOrder_StateShareOutsideFiveToTwentyPercent_IsRefused() =>
        Should.Throw<RuleViolation>(() => Order(DeductionKind.StateShare, permille: 250)).Code.ShouldBe("deduction.state-share");

    [Theory]
    [InlineData(17, Sex.Male, false, true)]
    [InlineData(40, Sex.Male, false, false)]
    [InlineData(56, Sex.Female, false, true)]
    [InlineData(40, Sex.Female, true, true)]
    public void IsProtected_JuvenilesPensionersAndRecorded(int age, Sex sex, bool recorded, bool expected) =>
        PayCalculator.IsProtected(age, sex, recorded).ShouldBe(expected);

    /// <summary>
    /// For any earnings and any deduction orders: pay is never below the regional minimum for the hours, the lines add
    /// up, the guaranteed share stays with the person, writs stay within their caps, and upkeep is taken only when every
    /// writ got all it asked for or the writ cap was reached.
    /// </summary>
    [Fact]
    public void Compute_AnyEarningsAndOrders_KeepsTheLegalLimits()
    {
        var earning = from hours in Gen.Choose(0, 200)
                      from rate in Gen.Choose(0, 120_000)
                      from region in Gen.Elements("RU-TA", "RU-MOW")
                      from late in Gen.Elements(0, 0, 0, 1)
                      select (Late: late, Make: (Func<int, Earning>)(month => new Earning(Guid.NewGuid(), "Work", 2026, Math.Max(1, month - late), hours * 60L, rate, region)));
        var order = from kind in Gen.Elements(DeductionKind.StateShare, DeductionKind.Maintenance, DeductionKind.VictimClaim, DeductionKind.OtherWrit, DeductionKind.Upkeep)
                    from share in Gen.Choose(0, 1)
                    from permille in Gen.Choose(50, 200)
                    from monthly in Gen.Choose(1, 8_000_000)
                    from outstanding in Gen.Choose(0, 3)
                    from age in Gen.Choose(0, 1000)
                    select share == 1 || kind == DeductionKind.StateShare
                        ? Order(kind, permille: permille, age: age)
                        : Order(kind, monthly: monthly, outstanding: outstanding == 0 ? monthly / 3 + 1 : null, age: age);
        var scenario = from month in Gen.Choose(1, 12)
                       from made in earning.ListOf()
                       let earnings = made.Select(e => e.Make(month)).ToList()
                       from orders in order.ListOf()
                       from isProtected in Gen.Elements(true, false)
                       select (Month: month, Earnings: earnings, Orders: orders, Protected: isProtected);
        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            var result = PayCalculator.Compute(2026, s.Month, s.Earnings, Regions, s.Orders, s.Protected);
            var kinds = s.Orders.ToDictionary(o => o.Id, o => o.Kind);

            foreach (var e in s.Earnings.Where(e => e.Minutes > 0 && e.HourlyRateMinor > 0))
            {
                result.Lines.Where(l => l.PlacementId == e.PlacementId && l.Kind != PayLineKind.Deduction).Sum(l => l.AmountMinor)
                    .ShouldBeGreaterThanOrEqualTo(MinimumPay.ProRataMinimum(Regions[e.RegionCode], e.Year, e.Month, e.Minutes));
            }

            result.GrossMinor.ShouldBe(result.Lines.Where(l => l.Kind != PayLineKind.Deduction).Sum(l => l.AmountMinor));
            (result.DeductionsMinor + result.NetMinor).ShouldBe(result.GrossMinor);
            result.NetMinor.ShouldBeGreaterThanOrEqualTo(result.GuaranteedMinor);
            result.GuaranteedMinor.ShouldBeGreaterThanOrEqualTo(result.GrossMinor * (s.Protected ? 500 : 250) / 1000);
            result.Lines.ShouldAllBe(l => l.AmountMinor > 0);

            var afterTax = result.GrossMinor - result.AmountOf(DeductionKind.IncomeTax, kinds);
            var writKinds = new[] { DeductionKind.Maintenance, DeductionKind.VictimClaim, DeductionKind.OtherWrit };
            var writs = writKinds.Sum(k => result.AmountOf(k, kinds));
            var cap = afterTax * (s.Orders.Any(o => o.Kind is DeductionKind.Maintenance or DeductionKind.VictimClaim && o.AppliesIn(2026, s.Month)) ? 700 : 500) / 1000;
            writs.ShouldBeLessThanOrEqualTo(cap);
            result.AmountOf(DeductionKind.OtherWrit, kinds).ShouldBeLessThanOrEqualTo(afterTax * 500 / 1000);

            if (result.AmountOf(DeductionKind.Upkeep, kinds) > 0)
            {
                foreach (var writ in s.Orders.Where(o => writKinds.Contains(o.Kind) && o.AppliesIn(2026, s.Month)))
                {
                    var wanted = writ.Permille is { } p ? afterTax * p / 1000 : Math.Min(writ.MonthlyMinor!.Value, writ.OutstandingMinor ?? long.MaxValue);
                    var taken = result.Lines.Where(l => l.DeductionOrderId == writ.Id).Sum(l => l.AmountMinor);
                    // Other writs share the 50 % with the first queue, which goes before them.
                    (taken == wanted || writs == cap || (writ.Kind == DeductionKind.OtherWrit && writs >= afterTax * 500 / 1000)).ShouldBeTrue();
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
