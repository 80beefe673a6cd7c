using Microsoft.EntityFrameworkCore;
using Shouldly;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data.Csv;
using Workbridge.Data.People;
using Workbridge.Data.Seeding;

namespace Workbridge.Data.Tests;

public sealed class PeopleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_SmallPopulation_EveryPersonIsWhereTheirMovementsSay(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        var result = await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(400, 6, Seed: 7), null, default);

        result.ShouldBe(new Seeder.Result(6, 400));
        (await db.People.CountAsync()).ShouldBe(400);
        var movements = (await db.Movements.AsNoTracking().ToListAsync()).ToLookup(m => m.PersonId);
        foreach (var person in await db.People.AsNoTracking().ToListAsync())
        {
            var history = movements[person.Id].OrderBy(m => m.Sequence).ToList();
            history.Select(m => m.Sequence).ShouldBe(Enumerable.Range(1, person.MovementCount));
            history[0].Kind.ShouldBe(MovementKind.Admission);
            history.Last(m => m.ToFacilityId is not null).ToFacilityId.ShouldBe(person.FacilityId);
            history.Select(m => m.OccurredAt).ShouldBeInOrder();
        }

        (await db.People.CountAsync(p => p.LegalStatus == LegalStatus.PreTrial)).ShouldBeGreaterThan(0);
        (await db.People.CountAsync(p => p.Occupations.Count == 0)).ShouldBeInRange(60, 200);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ByNamePrefixReferenceFacilityRegionAndOccupation_FindsTheRightPeople(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(600, 5, Seed: 11), null, default);
        var everyone = await db.People.AsNoTracking().ToListAsync();
        var someone = everyone[123];

        var bySurname = await PeopleQueries.SearchAsync(db, TestDatabase.Clerk, new PeopleFilter(Text: someone.Identity.Surname.ToUpperInvariant().Replace('Е', 'Ё'), PageSize: 500), default);
        bySurname.Items.ShouldContain(p => p.Id == someone.Id);
        bySurname.Total.ShouldBe(everyone.Count(p => p.SearchName.StartsWith(SearchText.Fold(someone.Identity.Surname) , StringComparison.Ordinal)));

        var byReference = await PeopleQueries.SearchAsync(db, TestDatabase.Clerk, new PeopleFilter(Text: someone.ReferenceNumber), default);
        byReference.Items.ShouldHaveSingleItem().Id.ShouldBe(someone.Id);

        var facility = await db.Facilities.SingleAsync(f => f.Id == someone.FacilityId);
        var byFacility = await PeopleQueries.SearchAsync(db, TestDatabase.Clerk, new PeopleFilter(FacilityId: facility.Id, PageSize: 10), default);
        byFacility.Total.ShouldBe(everyone.Count(p => p.FacilityId == facility.Id));
        byFacility.Items.Count.ShouldBe(Math.Min(10, byFacility.Total));
        byFacility.Items.Select(p => p.FullName).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal.WithFold());

        var inRegion = (await db.Facilities.Where(f => f.RegionCode == facility.RegionCode).Select(f => f.Id).ToListAsync()).ToHashSet();
        var byRegion = await PeopleQueries.SearchAsync(db, TestDatabase.Clerk, new PeopleFilter(RegionCode: facility.RegionCode.ToLowerInvariant()), default);
        byRegion.Total.ShouldBe(everyone.Count(p => inRegion.Contains(p.FacilityId)));

        var byGroup = await PeopleQueries.SearchAsync(db, TestDatabase.Clerk, new PeopleFilter(Occupation: "71"), default);
        byGroup.Total.ShouldBe(everyone.Count(p => p.Occupations.Any(o => o.IscoCode.StartsWith("71", StringComparison.Ordinal))));
        byGroup.Total.ShouldBeGreaterThan(0);

        var page2 = await PeopleQueries.SearchAsync(db, TestDatabase.Clerk, new PeopleFilter(PageSize: 50, Page: 2), default);
        page2.Items.Count.ShouldBe(50);
        page2.Number.ShouldBe(2);
        page2.PageCount.ShouldBe(12);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_AsFacilityStaff_SeesOnlyTheirFacility(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(200, 4, Seed: 3), null, default);
        var facility = await db.Facilities.FirstAsync();
        var staff = new Core.Access.Actor("test:staff", "Staff", Core.Access.Role.FacilityStaff, FacilityId: facility.Id);

        var page = await PeopleQueries.SearchAsync(db, staff, new PeopleFilter(PageSize: 500), default);
        page.Items.ShouldAllBe(p => p.FacilityId == facility.Id);
        var outsider = await db.People.FirstAsync(p => p.FacilityId != facility.Id);
        (await PeopleQueries.FindAsync(db, staff, outsider.Id, default)).ShouldBeNull();
        (await PeopleQueries.MovementsAsync(db, staff, outsider.Id, default)).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Movements_TransferAndRelease_AreStoredAsHistory_AndAStaleWriteIsRefused(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var seedDb = test.Open())
        {
            await Seeder.SeedAsync(test.UnitOfWork(seedDb), TestDatabase.Clerk, new Seeder.Options(20, 3, Seed: 5), null, default);
        }

        await using var db = test.Open();
        var uow = test.UnitOfWork(db);
        var person = await db.People.FirstAsync(p => p.Status == CustodyStatus.InCustody);
        var target = await db.Facilities.FirstAsync(f => f.Id != person.FacilityId);
        var before = person.MovementCount;
        await uow.RunAsync(TestDatabase.Clerk, async d =>
        {
            d.Movements.Add(person.Transfer(target, uow.Now, "Closer to family", TestDatabase.Clerk.Id, uow.Now));
            d.Movements.Add(person.Release(uow.Now, "Sentence served", TestDatabase.Clerk.Id, uow.Now));
            await Task.CompletedTask;
            return 0;
        }, default);

        await using (var fresh = test.Open())
        {
            var stored = await fresh.People.SingleAsync(p => p.Id == person.Id);
            stored.Status.ShouldBe(CustodyStatus.Released);
            stored.FacilityId.ShouldBe(target.Id);
            var history = await PeopleQueries.MovementsAsync(fresh, TestDatabase.Clerk, person.Id, default);
            history!.Select(m => m.Kind).TakeLast(2).ShouldBe([MovementKind.Transfer, MovementKind.Release]);
            history!.Count.ShouldBe(before + 2);
        }

        // A second clerk who loaded the record before these changes cannot overwrite them: the version check (or, first,
        // the unique per-person movement sequence) refuses the stale write.
        await using var stale = test.Open();
        var old = await stale.People.SingleAsync(p => p.Id == person.Id);
        await using var other = test.Open();
        var current = await other.People.SingleAsync(p => p.Id == person.Id);
        var otherUow = test.UnitOfWork(other);
        await otherUow.RunAsync(TestDatabase.Clerk, d => { d.Movements.Add(current.Readmit(target, otherUow.Now, "Recalled", "test", otherUow.Now)); return Task.FromResult(0); }, default);
        var staleUow = test.UnitOfWork(stale);
        await Should.ThrowAsync<DbUpdateException>(() => staleUow.RunAsync(TestDatabase.Clerk, d => { d.Movements.Add(old.Readmit(target, staleUow.Now, "Recalled twice", "test", staleUow.Now)); return Task.FromResult(0); }, default));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnitOfWork_FailureInsideTheChange_StoresNothing(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        var uow = test.UnitOfWork(db);
        await Should.ThrowAsync<InvalidOperationException>(() => uow.RunAsync<int>(TestDatabase.Clerk, async d =>
        {
            d.Facilities.Add(new Facility("IK-1-TEST", "Test colony", FacilityKind.GeneralRegimeColony, "RU-MOW", 100, 0));
            await d.SaveChangesAsync();
            throw new InvalidOperationException("the second half of the change failed");
        }, default));

        await using var fresh = test.Open();
        (await fresh.Facilities.CountAsync()).ShouldBe(0);
    }
}

internal static class ComparerExtensions
{
    public static IComparer<string> WithFold(this StringComparer comparer) =>
        Comparer<string>.Create((a, b) => comparer.Compare(SearchText.Fold(a), SearchText.Fold(b)));
}
