using Workbridge.Core.Common;

namespace Workbridge.Core.Work;

/// <summary>An item of a production contract: what, in which unit, how many ordered and how many delivered so far.</summary>
public sealed record ContractItem(int Line, string Description, string Unit, int Quantity, int Delivered);

/// <summary>Whether a production contract is still being worked on.</summary>
public enum ContractStatus
{
    Open = 1,
    Fulfilled = 2,
    Cancelled = 3,
}

/// <summary>
/// An order between institutions for a facility's workshop (windows for another colony and a hospital): the customer,
/// the items and quantities, the deadline and the progress. In-facility job orders serve it.
/// </summary>
public sealed class ProductionContract
{
    private List<ContractItem> _items = [];

    private ProductionContract()
    {
        Number = "";
        Customer = "";
    }

    public ProductionContract(Guid producerFacilityId, string number, string customer, Guid? customerFacilityId, DateOnly deadline, IEnumerable<(string Description, string Unit, int Quantity)> items, DateTime now)
    {
        Id = Ids.New();
        ProducerFacilityId = producerFacilityId;
        var n = number?.Trim() ?? "";
        Number = n.Length is >= 1 and <= 64 ? n : throw new RuleViolation("contract.number", "A contract number is 1 to 64 characters.", "number");
        var c = customer?.Trim() ?? "";
        Customer = c.Length is >= 2 and <= 300 ? c : throw new RuleViolation("contract.customer", "Name the customer in 2 to 300 characters.", "customer");
        CustomerFacilityId = customerFacilityId;
        Deadline = deadline;
        CreatedAt = now;
        Status = ContractStatus.Open;
        var line = 0;
        foreach (var (description, unit, quantity) in items)
        {
            line++;
            var d = description?.Trim() ?? "";
            var u = unit?.Trim() ?? "";
            if (d.Length is < 2 or > 300 || u.Length is < 1 or > 16)
            {
                throw new RuleViolation("contract.item", $"Item {line}: a description of 2 to 300 characters and a unit of 1 to 16 (pcs, m², kg).", "items");
            }

            if (quantity is < 1 or > 10_000_000)
            {
                throw new RuleViolation("contract.quantity", $"Item {line}: the quantity must be 1 to 10000000.", "items");
            }

            _items.Add(new ContractItem(line, d, u, quantity, 0));
        }

        if (_items.Count == 0)
        {
            throw new RuleViolation("contract.items", "A contract has at least one item.", "items");
        }
    }

    public Guid Id { get; private set; }

    /// <summary>The facility whose workshop makes the items.</summary>
    public Guid ProducerFacilityId { get; private set; }

    public string Number { get; private set; }

    public string Customer { get; private set; }

    /// <summary>The customer when it is another facility of the service.</summary>
    public Guid? CustomerFacilityId { get; private set; }

    public DateOnly Deadline { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<ContractItem> Items => _items;

    public int Version { get; private set; }

    /// <summary>Share of all ordered units delivered, 0 to 100.</summary>
    public int ProgressPercent => (int)(100L * _items.Sum(i => (long)i.Delivered) / _items.Sum(i => (long)i.Quantity));

    public bool IsOverdue(DateOnly today) => Status == ContractStatus.Open && today > Deadline;

    /// <summary>Records units delivered on an item line; the contract is fulfilled when every line is.</summary>
    public void RecordDelivery(int line, int quantity)
    {
        if (Status != ContractStatus.Open)
        {
            throw new RuleViolation("contract.closed", "The contract is no longer open.", "status");
        }

        var index = _items.FindIndex(i => i.Line == line);
        if (index < 0)
        {
            throw new RuleViolation("contract.item", $"The contract has no item line {line}.", "line");
        }

        var item = _items[index];
        if (quantity < 1 || item.Delivered + quantity > item.Quantity)
        {
            throw new RuleViolation("contract.quantity", $"Line {line}: {item.Quantity - item.Delivered} {item.Unit} remain to deliver; {quantity} is not possible.", "quantity");
        }

        _items = [.. _items.Select((x, i) => i == index ? x with { Delivered = x.Delivered + quantity } : x)];
        if (_items.All(i => i.Delivered == i.Quantity))
        {
            Status = ContractStatus.Fulfilled;
        }

        Version++;
    }

    public void Cancel()
    {
        if (Status != ContractStatus.Open)
        {
            throw new RuleViolation("contract.closed", "The contract is no longer open.", "status");
        }

        Status = ContractStatus.Cancelled;
        Version++;
    }
}
