using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;

namespace Workbridge.Data.Seeding;

/// <summary>The demo a first run shows: about 3,000 people in 20 facilities across six regions, with work, training and pay; the same every time.</summary>
public static class DemoData
{
    public static readonly Seeder.Options Options = new(People: 3000, Facilities: 20, Seed: 2026, MaxRegions: 6);

    /// <summary>Seeds the demo into an empty database; a database that holds any facility is left alone.</summary>
    public static async Task<Seeder.Result?> EnsureAsync(UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (await unitOfWork.Db.Facilities.AnyAsync(cancellationToken))
        {
            return null;
        }

        var actor = Actor.System("demo");
        var result = await Seeder.SeedAsync(unitOfWork, actor, Options, progress: null, cancellationToken);
        await unitOfWork.RunAsync(actor, db => WorkDemo.SeedAsync(db, unitOfWork.Now, Options.Seed, cancellationToken), cancellationToken);
        return result;
    }
}
