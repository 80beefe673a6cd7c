using Workbridge.Core.Reference;

namespace Workbridge.Core.Pay;

/// <summary>
/// A month's pay for one person across their placements, in kopecks:
/// <list type="number">
/// <item>earnings = minutes × hourly rate ÷ 60, rounded up, per placement, rate and month worked;</item>
/// <item>a top-up wherever that is below the regional minimum pro rata for the hours in their month (<see cref="MinimumPay.ProRataMinimum"/>);</item>
/// <item>deductions in the legal order of <see cref="DeductionKind"/>, each within its cap: writs together at most
/// 50 % of pay after tax, 70 % when maintenance or a victim's claim is among them (229-FZ art. 99 parts 2–3), other writs
/// at most 50 %, upkeep only from what the claimants left;</item>
/// <item>whatever the deductions, the guaranteed share of gross pay stays with the person: 25 %, or 50 % for juveniles,
/// pensioners, people with group I or II disability, pregnant women and women with children in the facility (Penal Code
/// art. 107 part 3).</item>
/// </list>
/// </summary>
public static class PayCalculator
{
    public const int IncomeTaxPermille = 130;
    public const int GuaranteedPermille = 250;
    public const int ProtectedGuaranteedPermille = 500;
    public const int WritCapPermille = 500;
    public const int FirstQueueWritCapPermille = 700;

    public static PayCalculation Compute(int year, int month, IEnumerable<Earning> earnings, IReadOnlyDictionary<string, Region> regions, IEnumerable<DeductionOrder> orders, bool protectedShare)
    {
        var lines = new List<PayLine>();
        checked
        {
            foreach (var earning in earnings.Where(e => e.Minutes > 0 && e.HourlyRateMinor > 0).OrderBy(e => (e.Year, e.Month)).ThenBy(e => e.PlacementId).ThenBy(e => e.HourlyRateMinor))
            {
                var amount = MinimumPay.CeilDiv(earning.Minutes * earning.HourlyRateMinor, 60);
                var title = (earning.Year, earning.Month) == (year, month) ? earning.Title : $"{earning.Title} ({earning.Month:00}.{earning.Year}, recorded late)";
                lines.Add(new(lines.Count + 1, PayLineKind.Earnings, title, amount, earning.PlacementId, Minutes: earning.Minutes, RateMinor: earning.HourlyRateMinor));
                var minimum = MinimumPay.ProRataMinimum(regions[earning.RegionCode], earning.Year, earning.Month, earning.Minutes);
                if (amount < minimum)
                {
                    lines.Add(new(lines.Count + 1, PayLineKind.MinimumTopUp, $"Top-up to the regional minimum in {earning.RegionCode} for {earning.Minutes / 60m:0.##} hours", minimum - amount, earning.PlacementId));
                }
            }

            var gross = lines.Sum(l => l.AmountMinor);
            var permille = protectedShare ? ProtectedGuaranteedPermille : GuaranteedPermille;
            var guaranteed = MinimumPay.CeilDiv(gross * permille, 1000);
            var available = gross - guaranteed;

            long Take(long wanted)
            {
                var taken = Math.Max(0, Math.Min(wanted, available));
                available -= taken;
                return taken;
            }

            // Tax Code art. 52 part 6: tax in whole roubles, 50 kopecks and more rounded up.
            var tax = Take((gross * IncomeTaxPermille / 1000 + 50) / 100 * 100);
            if (tax > 0)
            {
                lines.Add(new(lines.Count + 1, PayLineKind.Deduction, "Income tax 13 % (Tax Code art. 224)", tax));
            }

            var afterTax = gross - tax;
            var active = orders.Where(o => o.AppliesIn(year, month)).OrderBy(o => o.Kind).ThenBy(o => o.CreatedAt).ThenBy(o => o.Id).ToList();
            var firstQueue = active.Any(o => o.Kind is DeductionKind.Maintenance or DeductionKind.VictimClaim);
            var writRoom = afterTax * (firstQueue ? FirstQueueWritCapPermille : WritCapPermille) / 1000;
            var otherWritRoom = afterTax * WritCapPermille / 1000;
            foreach (var order in active)
            {
                var basis = order.Kind == DeductionKind.StateShare ? gross : afterTax;
                var wanted = order.Permille is { } share ? basis * share / 1000 : order.MonthlyMinor!.Value;
                if (order.OutstandingMinor is { } owed)
                {
                    wanted = Math.Min(wanted, owed);
                }

                if (order.Kind is DeductionKind.Maintenance or DeductionKind.VictimClaim or DeductionKind.OtherWrit)
                {
                    wanted = Math.Min(wanted, writRoom);
                    if (order.Kind == DeductionKind.OtherWrit)
                    {
                        wanted = Math.Min(wanted, otherWritRoom);
                    }
                }

                var taken = Take(wanted);
                if (order.Kind is DeductionKind.Maintenance or DeductionKind.VictimClaim or DeductionKind.OtherWrit)
                {
                    writRoom -= taken;
                    otherWritRoom = Math.Max(0, otherWritRoom - taken);
                }

                if (taken > 0)
                {
                    lines.Add(new(lines.Count + 1, PayLineKind.Deduction, $"{Describe(order.Kind)} ({order.Reference})", taken, DeductionOrderId: order.Id));
                }
            }

            var deductions = lines.Where(l => l.Kind == PayLineKind.Deduction).Sum(l => l.AmountMinor);
            return new PayCalculation(lines, gross, deductions, gross - deductions, guaranteed, permille);
        }
    }

    /// <summary>Who keeps half of their pay (Penal Code art. 107 part 3): juveniles and pensioners by age, the rest as recorded by staff.</summary>
    public static bool IsProtected(int age, Registry.Sex sex, bool recordedProtection) =>
        recordedProtection || age < 18 || age >= (sex == Registry.Sex.Male ? 60 : 55);

    public static string Describe(DeductionKind kind) => kind switch
    {
        DeductionKind.IncomeTax => "Income tax",
        DeductionKind.StateShare => "State share (Criminal Code art. 53.1)",
        DeductionKind.Maintenance => "Maintenance",
        DeductionKind.VictimClaim => "Victim's claim",
        DeductionKind.OtherWrit => "Writ",
        _ => "Upkeep (Penal Code art. 99)",
    };
}
