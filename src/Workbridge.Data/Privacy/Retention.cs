using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Registry;

namespace Workbridge.Data.Privacy;

/// <summary>
/// Removes the names (and all but the birth year) of people released longer ago than the retention period. The
/// record, its movements and the ledger stay: statistics and oversight still work, but nobody is named.
/// </summary>
public static class Retention
{
    public const string ConfigurationKey = "Workbridge:RetentionYears";
    public const int DefaultYears = 10;

    public static async Task<int> RunAsync(UnitOfWork unitOfWork, int years, CancellationToken cancellationToken)
    {
        if (years < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(years), "The retention period is at least one year.");
        }

        var cutoff = unitOfWork.Now.AddYears(-years);
        var done = 0;
        while (true)
        {
            var batch = await unitOfWork.Db.People
                .Where(p => p.Status == CustodyStatus.Released && p.LastMovementAt < cutoff && p.Identity.Surname != PersonIdentity.RemovedMark)
                .OrderBy(p => p.Id).Take(1000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            await unitOfWork.RunAsync(Actor.System("retention"), _ =>
            {
                batch.ForEach(p => p.RemoveIdentity());
                return Task.FromResult(0);
            }, cancellationToken);
            unitOfWork.Db.ChangeTracker.Clear();
            done += batch.Count;
        }
    }
}
