using Workbridge.Core.Common;
using Workbridge.Core.Work;

namespace Workbridge.Core.Pay;

/// <summary>
/// One person's pay for one calendar month in one facility (someone transferred during the month gets one from each), issued once: the lines of <see cref="PayCalculator"/>, the gross, the
/// deductions and the net credited to the person's account. Issuing it fixes the timesheet entries it paid.
/// </summary>
public sealed class PayStatement
{
    private List<PayLine> _lines = [];

    private PayStatement()
    {
        IssuedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid FacilityId { get; private set; }

    public int Year { get; private set; }

    public int Month { get; private set; }

    public IReadOnlyList<PayLine> Lines => _lines;

    /// <summary>Earnings and minimum-wage top-ups, in kopecks; never below the regional minimum for the hours.</summary>
    public long GrossMinor { get; private set; }

    public long DeductionsMinor { get; private set; }

    /// <summary>Credited to the person; at least <see cref="GuaranteedMinor"/>.</summary>
    public long NetMinor { get; private set; }

    public long GuaranteedMinor { get; private set; }

    public int GuaranteedPermille { get; private set; }

    /// <summary>How many of the paid entries the person disputed; they are paid as recorded while the dispute is looked at.</summary>
    public int DisputedEntries { get; private set; }

    public string IssuedBy { get; private set; }

    public DateTime IssuedAt { get; private set; }

    /// <summary>Issues the statement: the entries it pays are fixed and each claim's outstanding total goes down by what was paid.</summary>
    public static PayStatement Issue(Guid personId, Guid facilityId, int year, int month, PayCalculation calculation, IReadOnlyCollection<TimesheetEntry> entries, IEnumerable<DeductionOrder> orders, string issuedBy, DateTime now)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2200)
        {
            throw new RuleViolation("pay.month", "A pay month is a year and a month from 1 to 12.", "month");
        }

        if (entries.Any(e => e.PersonId != personId || e.Date >= new DateOnly(year, month, 1).AddMonths(1) || e.PayStatementId is not null))
        {
            throw new ArgumentException("Entries must be the person's unpaid entries up to the end of that month.", nameof(entries));
        }

        var statement = new PayStatement
        {
            Id = Ids.New(),
            PersonId = personId,
            FacilityId = facilityId,
            Year = year,
            Month = month,
            _lines = [.. calculation.Lines],
            GrossMinor = calculation.GrossMinor,
            DeductionsMinor = calculation.DeductionsMinor,
            NetMinor = calculation.NetMinor,
            GuaranteedMinor = calculation.GuaranteedMinor,
            GuaranteedPermille = calculation.GuaranteedPermille,
            DisputedEntries = entries.Count(e => e.Status == TimesheetStatus.Disputed),
            IssuedBy = issuedBy,
            IssuedAt = now,
        };

        foreach (var entry in entries)
        {
            entry.MarkPaid(statement.Id);
        }

        var byId = orders.ToDictionary(o => o.Id);
        foreach (var line in calculation.Lines.Where(l => l.DeductionOrderId is not null))
        {
            byId[line.DeductionOrderId!.Value].Paid(line.AmountMinor);
        }

        return statement;
    }
}
