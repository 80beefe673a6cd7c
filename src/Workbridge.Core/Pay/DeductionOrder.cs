using Workbridge.Core.Common;

namespace Workbridge.Core.Pay;

/// <summary>
/// Deductions from a person's pay, in the legal order in which they are taken (the enum order): income tax, the
/// court-ordered state share of a correctional-centre sentence, then enforcement writs (maintenance and victims'
/// claims first, others after), and upkeep only after every claimant (Penal Code art. 107; Federal Law 229-FZ art. 111).
/// </summary>
public enum DeductionKind
{
    /// <summary>Personal income tax, 13 % (Tax Code art. 224), in whole roubles (art. 52 part 6). Computed, never ordered.</summary>
    IncomeTax = 1,

    /// <summary>5–20 % of wages to the state, set by the court for a sentence of "forced labour" (Criminal Code art. 53.1 part 5).</summary>
    StateShare = 2,

    /// <summary>Maintenance (alimony) by a writ; first in the writ queue (229-FZ art. 111 part 1).</summary>
    Maintenance = 3,

    /// <summary>Damages owed to victims of the crime, by a writ; first in the writ queue too.</summary>
    VictimClaim = 4,

    /// <summary>Any other writ (debts, fines): last in the writ queue.</summary>
    OtherWrit = 5,

    /// <summary>The cost of food, clothing and utilities in the facility (Penal Code art. 99 part 4), only after every claimant.</summary>
    Upkeep = 6,
}

/// <summary>
/// A standing order to deduct from one person's pay: a share in thousandths of the base, or a fixed monthly amount,
/// optionally up to an outstanding total (a victim's claim shrinks as it is paid).
/// </summary>
public sealed class DeductionOrder
{
    private DeductionOrder()
    {
        Reference = "";
    }

    public DeductionOrder(Guid personId, DeductionKind kind, int? permille, long? monthlyMinor, long? outstandingMinor, string reference, DateOnly from, DateOnly? to, DateTime now)
    {
        if (kind == DeductionKind.IncomeTax || !Enum.IsDefined(kind))
        {
            throw new RuleViolation("deduction.kind", "kind must be state-share, maintenance, victim-claim, other-writ or upkeep; income tax is computed.", "kind");
        }

        if ((permille is null) == (monthlyMinor is null))
        {
            throw new RuleViolation("deduction.amount", "Give either a share (permille) or a fixed monthly amount, not both.", "permille");
        }

        if (kind == DeductionKind.StateShare && permille is not (>= 50 and <= 200))
        {
            throw new RuleViolation("deduction.state-share", "The state share is 5 % to 20 % (50 to 200 permille), as the court set it (Criminal Code art. 53.1 part 5).", "permille");
        }

        if (permille is < 1 or > 700 || monthlyMinor is < 1 || outstandingMinor is < 1)
        {
            throw new RuleViolation("deduction.amount", "A share is 1 to 700 permille; amounts are positive kopecks.", "permille");
        }

        var r = reference?.Trim() ?? "";
        Reference = r.Length is >= 3 and <= 200 ? r : throw new RuleViolation("deduction.reference", "Name the court decision or writ (3 to 200 characters).", "reference");
        if (to is { } t && t < from)
        {
            throw new RuleViolation("deduction.dates", "The end date cannot be before the start.", "to");
        }

        Id = Ids.New();
        PersonId = personId;
        Kind = kind;
        Permille = permille;
        MonthlyMinor = monthlyMinor;
        OutstandingMinor = outstandingMinor;
        From = from;
        To = to;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public DeductionKind Kind { get; private set; }

    /// <summary>Share in thousandths: of gross pay for the state share, of pay after tax for writs.</summary>
    public int? Permille { get; private set; }

    /// <summary>A fixed monthly amount in kopecks (upkeep is the month's actual cost, at most this).</summary>
    public long? MonthlyMinor { get; private set; }

    /// <summary>What is still owed, for a claim with a total; null when the order has no total (maintenance).</summary>
    public long? OutstandingMinor { get; private set; }

    /// <summary>The court decision or writ.</summary>
    public string Reference { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    public bool AppliesIn(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return From <= last && (To is null || To >= first) && OutstandingMinor is not 0;
    }

    internal void Paid(long amount)
    {
        if (OutstandingMinor is { } owed)
        {
            OutstandingMinor = owed - amount;
            Version++;
        }
    }
}
