using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;

namespace Workbridge.Data;

/// <summary>
/// The one way to write: a change, made by an actor, committed in one transaction or not at all. The ledger entry and
/// the outbox row of each change join this transaction (issue 3), so state, record and notice never disagree.
/// </summary>
public sealed class UnitOfWork(WorkbridgeDb db, TimeProvider clock)
{
    public WorkbridgeDb Db => db;

    /// <summary>The current instant, UTC, from the injected clock.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<T> RunAsync<T>(Actor actor, Func<WorkbridgeDb, Task<T>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
    }
}
