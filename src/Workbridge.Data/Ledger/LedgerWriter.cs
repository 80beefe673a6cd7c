using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Workbridge.Core.Access;
using Workbridge.Core.Events;
using Workbridge.Core.Ledger;
using Workbridge.Core.Registry;

namespace Workbridge.Data.Ledger;

/// <summary>
/// Appends, inside the caller's transaction, one ledger entry for every entity a save creates, changes or deletes,
/// and one outbox row for every movement and every placement that starts, is suspended or ends. Runs on each SaveChanges of a unit
/// of work.
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
        var entries = db.ChangeTracker.Entries().ToList();
        var roots = entries.Where(e => !e.Metadata.IsOwned()).ToDictionary(e => (e.Metadata.ClrType, Key(e, e.Metadata.FindPrimaryKey()!.Properties)));
        var changed = new List<EntityEntry>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var entry in entries)
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            // A change to an owned row (a person's offence) is a change to its owner.
            var root = entry.Metadata.IsOwned() ? roots.GetValueOrDefault((entry.Metadata.FindOwnership()!.PrincipalEntityType.ClrType, Key(entry, entry.Metadata.FindOwnership()!.Properties))) : entry;
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

            // A placement that starts, stops for want of consent or a rule, or ends is news for the employer and the
            // services that follow the person.
            if (entry.Entity is Core.Work.Placement placement && (entry.State == EntityState.Added || entry.Property(nameof(Core.Work.Placement.Status)).IsModified)
                && (placement.Status, placement.SuspendedAt == now) switch
                {
                    (Core.Work.PlacementStatus.Active, _) => "placement.activated",
                    (Core.Work.PlacementStatus.Ended, _) => "placement.ended",
                    (Core.Work.PlacementStatus.Accepted, true) => "placement.suspended",
                    _ => null,
                } is { } kind)
            {
                db.Outbox.Add(new OutboxMessage(kind, now, now, placement.PersonId, null, placement.FacilityId, placement.Id));
            }
        }
    }

    private static string Key(EntityEntry entry, IReadOnlyList<Microsoft.EntityFrameworkCore.Metadata.IProperty> properties) =>
        string.Join('\u001f', properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static Guid? FacilityOf(object entity) => entity switch
    {
        Person person => person.FacilityId,
        Facility facility => facility.Id,
        Movement movement => movement.ToFacilityId ?? movement.FromFacilityId,
        Core.Work.Placement placement => placement.FacilityId,
        Core.Work.JobOrder order => order.FacilityId,
        Core.Training.Cohort cohort => cohort.FacilityId,
        Core.Work.ProductionContract contract => contract.ProducerFacilityId,
        Core.Pay.PayStatement statement => statement.FacilityId,
        _ => null,
    };
}
