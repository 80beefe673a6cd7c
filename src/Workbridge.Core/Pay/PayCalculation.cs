namespace Workbridge.Core.Pay;

/// <summary>
/// What one placement earned at one agreed rate in one calendar month worked (<see cref="Year"/>, <see cref="Month"/>):
/// a statement can also pay days of an earlier month recorded late.
/// </summary>
public sealed record Earning(Guid PlacementId, string Title, int Year, int Month, long Minutes, long HourlyRateMinor, string RegionCode);

/// <summary>One line of a pay statement, in kopecks, in the order it was computed.</summary>
public sealed record PayLine(int Order, PayLineKind Kind, string Description, long AmountMinor, Guid? PlacementId = null, Guid? DeductionOrderId = null, long? Minutes = null, long? RateMinor = null);

public enum PayLineKind
{
    Earnings = 1,

    /// <summary>Added so that pay for the hours is not below the regional minimum pro rata.</summary>
    MinimumTopUp = 2,

    Deduction = 3,
}

/// <summary>The outcome of <see cref="PayCalculator"/>: gross, the deductions, the net credited and the guarantee it respects.</summary>
public sealed record PayCalculation(IReadOnlyList<PayLine> Lines, long GrossMinor, long DeductionsMinor, long NetMinor, long GuaranteedMinor, int GuaranteedPermille)
{
    public long AmountOf(DeductionKind kind, IReadOnlyDictionary<Guid, DeductionKind> kinds) =>
        Lines.Where(l => l.Kind == PayLineKind.Deduction && (l.DeductionOrderId is { } id ? kinds[id] == kind : kind == DeductionKind.IncomeTax)).Sum(l => l.AmountMinor);
}
