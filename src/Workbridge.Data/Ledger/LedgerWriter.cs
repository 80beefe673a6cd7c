using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Workbridge.Core.Access;
using Workbridge.Core.Events;
using Workbridge.Core.Ledger;
using Workbridge.Core.Registry;

namespace Workbridge.Data.Ledger;

/// <summary>
/// Appends, inside the caller's transaction, one ledger entry for every entity a save creates, changes or deletes,
/// and one outbox row for every movement. Runs on each SaveChanges of a unit of work.
/// </summary>
internal sealed class LedgerWriter(Actor actor, DateTime now)
{
    // Any fixed number: the advisory lock that makes PostgreSQL writers append one at a time. SQLite needs none, its
    // write transactions are already serialised (BEGIN IMMEDIATE).
    private const long AppendLock = 0x5742_4C45_4447;

    public Actor Actor => actor;

    public static bool IsLedgered(Type type) => type != typeof(LedgerEntry) && type != typeof(OutboxMessage) && type != typeof(StoredCheckpoint);

    public async Task AppendAsync(WorkbridgeDb db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var changed = new List<EntityEntry>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var root = entry.Metadata.IsOwned() ? Owner(db, entry) : entry;
            if (root is not null && IsLedgered(root.Metadata.ClrType) && seen.Add(root.Entity))
            {
                changed.Add(root);
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AppendLock})", cancellationToken);
        }

        var head = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? LedgerHash.Genesis;
        foreach (var entry in changed)
        {
            var action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            var payload = entry.State == EntityState.Deleted ? LedgerHash.Deleted : EntitySnapshot.Hash(entry.Metadata, entry.Entity);
            var ledgerEntry = new LedgerEntry(++sequence, now, actor.Id, action, entry.Metadata.ClrType.Name, EntitySnapshot.Id(entry.Metadata, entry.Entity), FacilityOf(entry.Entity), payload, previous);
            db.LedgerEntries.Add(ledgerEntry);
            previous = ledgerEntry.Hash;
            if (entry.Entity is Movement movement && entry.State == EntityState.Added)
            {
                db.Outbox.Add(OutboxMessage.For(movement, now));
            }
        }
    }

    private static EntityEntry? Owner(WorkbridgeDb db, EntityEntry owned)
    {
        var ownership = owned.Metadata.FindOwnership()!;
        var key = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue).ToArray();
        var principal = db.ChangeTracker.Entries().FirstOrDefault(e => e.Metadata == ownership.PrincipalEntityType
            && ownership.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(key));
        return principal is null ? null : principal.Metadata.IsOwned() ? Owner(db, principal) : principal;
    }

    private static Guid? FacilityOf(object entity) => entity switch
    {
        Person person => person.FacilityId,
        Facility facility => facility.Id,
        Movement movement => movement.ToFacilityId ?? movement.FromFacilityId,
        _ => null,
    };
}
