using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Matching;
using Workbridge.Core.Registry;
using Workbridge.Core.Work;
using Workbridge.Data;

namespace Workbridge.Web.Features.Matching;

/// <summary>
/// The candidate index of the people who want work, kept in memory for the application's life. It is built on first
/// use and rebuilt in the background whenever the ledger has grown since (any change to people, placements or orders
/// writes the ledger); requests meanwhile use the previous one, and every candidate it returns is checked again on the
/// current record before it is shown.
/// </summary>
public sealed class CandidateIndexCache(IServiceScopeFactory scopes, ILogger<CandidateIndexCache> log)
{
    private readonly Lock _gate = new();
    private Snapshot? _current;
    private Task<Snapshot>? _building;

    public sealed record Snapshot(CandidateIndex Index, Dictionary<Guid, int> Positions, long LedgerHead, DateTime BuiltAt);

    public async Task<Snapshot> GetAsync(WorkbridgeDb db, CancellationToken cancellationToken)
    {
        var head = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        Task<Snapshot>? building;
        lock (_gate)
        {
            if (_current is { } current && current.LedgerHead == head)
            {
                return current;
            }

            building = _building ??= Task.Run(() => BuildAsync(head));
            if (_current is { } stale)
            {
                return stale;
            }
        }

        return await building.WaitAsync(cancellationToken);
    }

    private async Task<Snapshot> BuildAsync(long head)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkbridgeDb>();
            var started = DateTime.UtcNow;
            var people = await db.People.AsNoTracking().Where(p => p.Status != CustodyStatus.Released && p.WantsWork).OrderBy(p => p.Id).ToListAsync();
            var facilities = await db.Facilities.AsNoTracking().ToListAsync();
            var active = await db.Placements.AsNoTracking().Where(p => p.Status == PlacementStatus.Active).Select(p => new { p.PersonId, p.OpeningId }).ToListAsync();
            var hours = await db.JobOrders.AsNoTracking().Select(o => new { o.Id, o.Terms.HoursPerWeek })
                .Concat(db.Cohorts.AsNoTracking().Select(c => new { c.Id, c.Terms.HoursPerWeek })).ToDictionaryAsync(x => x.Id, x => x.HoursPerWeek);
            var busy = active.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Sum(a => hours.GetValueOrDefault(a.OpeningId)));
            var index = new CandidateIndex(people, facilities, busy);
            var snapshot = new Snapshot(index, index.Positions(), head, DateTime.UtcNow);
            log.LogInformation("Candidate index built: {People} people in {Seconds:0.0} s", people.Count, (DateTime.UtcNow - started).TotalSeconds);
            lock (_gate)
            {
                _current = snapshot;
                _building = null;
            }

            return snapshot;
        }
        catch
        {
            lock (_gate)
            {
                _building = null;
            }

            throw;
        }
    }
}
