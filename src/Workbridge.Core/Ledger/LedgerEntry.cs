namespace Workbridge.Core.Ledger;

/// <summary>
/// One append-only record of a change: who did what to which entity, when, in which facility. It holds ids and
/// hashes only, never personal data: <see cref="PayloadHash"/> is the hash of the entity's state after the change.
/// Each entry's <see cref="Hash"/> covers every field and the previous entry's hash, so editing, deleting,
/// inserting or reordering any entry breaks the chain from there on.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
        ActorId = "";
        Action = "";
        EntityType = "";
        EntityId = "";
        PayloadHash = "";
        PreviousHash = "";
        Hash = "";
    }

    public LedgerEntry(long sequence, DateTime at, string actorId, string action, string entityType, string entityId, Guid? facilityId, string payloadHash, string previousHash)
    {
        Sequence = sequence;
        At = LedgerHash.Instant(at);
        ActorId = actorId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        FacilityId = facilityId;
        PayloadHash = payloadHash;
        PreviousHash = previousHash;
        Hash = LedgerHash.Entry(this);
    }

    /// <summary>Position in the ledger, from 1, without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>When the change was committed (UTC).</summary>
    public DateTime At { get; private set; }

    public string ActorId { get; private set; }

    /// <summary>create, update or delete.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    public Guid? FacilityId { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the entity's canonical state after the change (of nothing, for a delete).</summary>
    public string PayloadHash { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }
}
