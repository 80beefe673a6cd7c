using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;

namespace Workbridge.Data;

/// <summary>
/// The one way to write: a change, made by an actor, committed in one transaction or not at all, together with its
/// ledger entries and outbox rows, so state, record and notice never disagree.
/// </summary>
public sealed class UnitOfWork(WorkbridgeDb db, TimeProvider clock)
{
    public WorkbridgeDb Db => db;

    /// <summary>The current instant, UTC, from the injected clock.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<T> RunAsync<T>(Actor actor, Func<WorkbridgeDb, Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (db.Ledger is not null)
        {
            throw new InvalidOperationException("A unit of work is already running on this context.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Ledger = new Ledger.LedgerWriter(actor, Now);
        try
        {
            var result = await change(db);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            // Nothing half-done may be saved by a later call on the same context.
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.Ledger = null;
        }
    }
}
