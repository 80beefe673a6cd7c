using Microsoft.EntityFrameworkCore;
using Workbridge.Data.Reference;

namespace Workbridge.Data.Storage;

public static class Schema
{
    /// <summary>Creates or upgrades the schema and loads missing reference data: what `workbridge init` and every start do.</summary>
    public static async Task MigrateAsync(WorkbridgeDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await new UnitOfWork(db, TimeProvider.System).RunAsync(Core.Access.Actor.System("init"), async d =>
        {
            await ReferenceData.EnsureLoadedAsync(d, cancellationToken);
            return 0;
        }, cancellationToken);
    }
}
