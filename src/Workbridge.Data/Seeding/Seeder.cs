using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Data.People;
using Workbridge.Data.Reference;

namespace Workbridge.Data.Seeding;

/// <summary>Adds a synthetic population (facilities and people) to a database, in one unit of work.</summary>
public static class Seeder
{
    public sealed record Options(int People, int Facilities, int Seed, int? MaxRegions = null);

    public sealed record Result(int Facilities, int People);

    public static async Task<Result> SeedAsync(UnitOfWork unitOfWork, Actor actor, Options options, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (options.People < 0 || options.Facilities < 1)
        {
            throw new ArgumentException("Seeding needs at least one facility and a non-negative number of people.");
        }

        var db = unitOfWork.Db;
        var regions = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        using var offencesFile = ReferenceData.OpenEmbedded(ReferenceData.OffencesFile);
        var offences = ReferenceData.ReadOffences(offencesFile, ReferenceData.OffencesFile).Where(o => o.Offence.Code == "RU-UK").ToList();
        var generator = new PopulationGenerator(options.Seed, unitOfWork.Now, regions.Where(r => r.CountryCode == "RU").ToList(), offences, NameTables.LoadEmbedded());

        var facilityNumber = await db.Facilities.CountAsync(cancellationToken) + 1;
        var personNumber = await db.People.CountAsync(p => p.ReferenceNumber.StartsWith("PF-"), cancellationToken) + 1;
        var facilities = generator.Facilities(options.Facilities, options.MaxRegions, facilityNumber, options.People);
        var people = await unitOfWork.RunAsync(actor, async db =>
        {
            db.Facilities.AddRange(facilities);
            await db.SaveChangesAsync(cancellationToken);
            return await PeopleWriter.WriteAsync(db, generator.People(options.People, facilities, personNumber), progress, cancellationToken);
        }, cancellationToken);
        return new Result(facilities.Count, people);
    }
}
