using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Workbridge.Core.Ledger;

namespace Workbridge.Data.Ledger;

/// <summary>What verification found: the number of entries read and, when something is wrong, the first problem.</summary>
public sealed record LedgerVerification(long Entries, long EntitiesChecked, long? BadSequence, string? Problem)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// Checks the ledger three ways: the chain (every entry follows the one before, numbered from 1 without gaps, its
/// hash recomputed); against a signed checkpoint (the entry at the checkpoint's size has the checkpoint's hash, and no
/// entries were cut from the end); and against the data (every stored entity's state hashes to its latest entry's
/// payload hash, and nothing exists or was deleted without an entry). It reports the first problem found.
/// </summary>
public static class LedgerVerifier
{
    public static async Task<LedgerVerification> VerifyAsync(WorkbridgeDb db, Checkpoint? checkpoint, string? expectedKeyFingerprint, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // One snapshot for the ledger and the tables, so that a write committed while verification runs is not
        // mistaken for tampering. SQLite: a deferred (read) transaction in WAL mode; PostgreSQL: repeatable read.
        await db.Database.OpenConnectionAsync(cancellationToken);
        System.Data.Common.DbTransaction? sqliteRead = null;
        try
        {
            if (db.Database.IsSqlite())
            {
                sqliteRead = ((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: true);
                await db.Database.UseTransactionAsync(sqliteRead, cancellationToken);
            }
            else
            {
                await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            }

            return await VerifyInSnapshotAsync(db, checkpoint, expectedKeyFingerprint, progress, cancellationToken);
        }
        finally
        {
            // Read only: nothing to commit.
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                await transaction.DisposeAsync();
            }

            if (sqliteRead is not null)
            {
                await sqliteRead.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<LedgerVerification> VerifyInSnapshotAsync(WorkbridgeDb db, Checkpoint? checkpoint, string? expectedKeyFingerprint, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (checkpoint is not null && !checkpoint.HasValidSignature(expectedKeyFingerprint))
        {
            return new(0, 0, null, expectedKeyFingerprint is not null && !string.Equals(expectedKeyFingerprint, checkpoint.KeyFingerprint, StringComparison.OrdinalIgnoreCase)
                ? $"the checkpoint is signed by key {checkpoint.KeyFingerprint}, not the expected {expectedKeyFingerprint}"
                : "the checkpoint's signature is not valid: the checkpoint itself was altered");
        }

        var latest = new Dictionary<(string Type, string Id), (long Sequence, string Payload)>();
        var expected = 1L;
        var previous = LedgerHash.Genesis;
        var query = db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken);
        await foreach (var entry in query)
        {
            if (entry.Sequence != expected)
            {
                return new(expected - 1, 0, expected, entry.Sequence > expected
                    ? $"entry {expected} is missing (the next entry is {entry.Sequence})"
                    : $"entry {entry.Sequence} appears again after entry {expected - 1}");
            }

            if (entry.PreviousHash != previous)
            {
                return new(expected - 1, 0, entry.Sequence, $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: entries were removed, inserted or reordered here");
            }

            if (LedgerHash.Entry(entry) != entry.Hash)
            {
                return new(expected - 1, 0, entry.Sequence, $"entry {entry.Sequence} has been altered: its hash does not match its content");
            }

            if (checkpoint is not null && entry.Sequence == checkpoint.Size && entry.Hash != checkpoint.HeadHash)
            {
                return new(expected, 0, entry.Sequence, $"entry {entry.Sequence} differs from the checkpoint of {checkpoint.At:yyyy-MM-dd HH:mm} UTC: history up to it was rewritten");
            }

            latest[(entry.EntityType, entry.EntityId)] = (entry.Sequence, entry.PayloadHash);
            previous = entry.Hash;
            expected++;
            if (expected % 50_000 == 0)
            {
                progress?.Report(expected);
            }
        }

        var count = expected - 1;
        if (checkpoint is not null && count < checkpoint.Size)
        {
            return new(count, 0, count + 1, $"the ledger ends at entry {count} but the checkpoint covers {checkpoint.Size}: entries were removed from the end");
        }

        long checkedEntities = 0;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && LedgerWriter.IsLedgered(t.ClrType)))
        {
            await foreach (var entity in Rows(db, type).WithCancellation(cancellationToken))
            {
                checkedEntities++;
                var key = (type.ClrType.Name, EntitySnapshot.Id(type, entity));
                if (!latest.Remove(key, out var last))
                {
                    return new(count, checkedEntities, null, $"{key.Name} {key.Item2} is stored but has no ledger entry: it was written around the ledger");
                }

                if (last.Payload != EntitySnapshot.Hash(type, entity))
                {
                    return new(count, checkedEntities, last.Sequence, $"{key.Name} {key.Item2} differs from its last ledger entry ({last.Sequence}): the stored row was changed outside Workbridge");
                }
            }
        }

        var vanished = latest.FirstOrDefault(l => l.Value.Payload != LedgerHash.Deleted);
        if (vanished.Key.Type is not null)
        {
            return new(count, checkedEntities, vanished.Value.Sequence, $"{vanished.Key.Type} {vanished.Key.Id} was deleted without a ledger entry (its last entry is {vanished.Value.Sequence})");
        }

        progress?.Report(count);
        return new(count, checkedEntities, null, null);
    }

    private static IAsyncEnumerable<object> Rows(WorkbridgeDb db, IEntityType type) =>
        (IAsyncEnumerable<object>)typeof(LedgerVerifier).GetMethod(nameof(RowsOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [db])!;

    private static IAsyncEnumerable<object> RowsOf<T>(WorkbridgeDb db)
        where T : class => db.Set<T>().AsNoTracking().AsAsyncEnumerable();
}
