using Microsoft.EntityFrameworkCore;
using Shouldly;
using Workbridge.Core.Pay;
using Workbridge.Core.Reference;
using Workbridge.Core.Work;
using Workbridge.Data.Ledger;
using Workbridge.Data.Seeding;

namespace Workbridge.Data.Tests;

public sealed class WorkDemoTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedAsync_BuildsWorkTrainingAndPay_ThatKeepEverySafeguard(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.Open())
        {
            await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(900, 6, Seed: 5, MaxRegions: 2), null, default);
            var uow = test.UnitOfWork(db);
            var result = await uow.RunAsync(TestDatabase.Clerk, d => WorkDemo.SeedAsync(d, uow.Now, 5, default), default);
            result.Orders.ShouldBeGreaterThan(10);
            result.Placements.ShouldBeGreaterThan(30);
            result.TimesheetEntries.ShouldBeGreaterThan(100);
            result.PayStatements.ShouldBeGreaterThan(5);
        }

        await using var fresh = test.Open();
        (await fresh.SecurityRules.CountAsync()).ShouldBe(EligibilityRules.Defaults.Security.Count);
        var orders = await fresh.JobOrders.AsNoTracking().ToDictionaryAsync(o => o.Id);
        var cohorts = await fresh.Cohorts.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var consents = await fresh.Consents.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var active = await fresh.Placements.AsNoTracking().Where(p => p.Status == PlacementStatus.Active).ToListAsync();
        active.ShouldNotBeEmpty();
        foreach (var placement in active)
        {
            IOpening opening = placement.Kind == PlacementKind.Work ? orders[placement.OpeningId] : cohorts[placement.OpeningId];
            placement.HasConsentTo(opening.Terms).ShouldBeTrue();
            consents[placement.ConsentId!.Value].TermsHash.ShouldBe(opening.Terms.Hash);
            ConsentSnapshot.FromJson(consents[placement.ConsentId!.Value].Snapshot)!.TermsHash.ShouldBe(opening.Terms.Hash);
        }

        var entries = await fresh.TimesheetEntries.AsNoTracking().ToListAsync();
        foreach (var week in entries.GroupBy(e => (e.PersonId, Core.Work.HourCaps.WeekStart(e.Date))))
        {
            week.Sum(e => e.Minutes).ShouldBeLessThanOrEqualTo(40 * 60);
        }

        var statements = await fresh.PayStatements.AsNoTracking().ToListAsync();
        var regions = await fresh.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code);
        foreach (var statement in statements)
        {
            statement.NetMinor.ShouldBeGreaterThanOrEqualTo(statement.GuaranteedMinor);
            (statement.NetMinor + statement.DeductionsMinor).ShouldBe(statement.GrossMinor);
            var paid = entries.Where(e => e.PayStatementId == statement.Id).Sum(e => (long)e.Minutes);
            paid.ShouldBe(statement.Lines.Where(l => l.Kind == PayLineKind.Earnings).Sum(l => l.Minutes!.Value));
        }

        (await LedgerVerifier.VerifyAsync(fresh, null, null, null, default)).Ok.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HoursImport_BadLine_StoresNothing_AndNamesTheLine(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Open();
        await Seeder.SeedAsync(test.UnitOfWork(db), TestDatabase.Clerk, new Seeder.Options(300, 3, Seed: 8, MaxRegions: 1), null, default);
        var uow = test.UnitOfWork(db);
        await uow.RunAsync(TestDatabase.Clerk, d => WorkDemo.SeedAsync(d, uow.Now, 8, default), default);
        var placement = await db.Placements.AsNoTracking().FirstAsync(p => p.Status == PlacementStatus.Active && p.Kind == PlacementKind.Work);
        // Two unpaid days already recorded: the file corrects them, then puts a day over the cap.
        var days = await db.TimesheetEntries.AsNoTracking().Where(e => e.PlacementId == placement.Id && e.PayStatementId == null).OrderBy(e => e.Date).Take(2).ToListAsync();
        var before = await db.TimesheetEntries.CountAsync();
        var minutes = await db.TimesheetEntries.SumAsync(e => e.Minutes);
        var file = $"placement_id,date,hours\n{placement.Id},{days[0].Date:yyyy-MM-dd},4\n{placement.Id},{days[1].Date:yyyy-MM-dd},3.5\n{placement.Id},{days[1].Date:yyyy-MM-dd},9\n";

        var error = await Should.ThrowAsync<Csv.ImportError>(() => uow.RunAsync(TestDatabase.Clerk, d => Work.HoursImport.ImportAsync(d, new StringReader(file), "hours.csv", null, "test", uow.Now, default), default));
        error.Message.ShouldContain("hours.csv line 4, field hours");
        error.Message.ShouldContain("daily cap");
        (await db.TimesheetEntries.CountAsync()).ShouldBe(before);
        (await db.TimesheetEntries.SumAsync(e => e.Minutes)).ShouldBe(minutes);

        var good = string.Join('\n', file.Split('\n').Take(3));
        var result = await uow.RunAsync(TestDatabase.Clerk, d => Work.HoursImport.ImportAsync(d, new StringReader(good), "hours.csv", null, "test", uow.Now, default), default);
        result.ShouldBe(new Work.HoursImport.Result(0, 2));
        (await db.TimesheetEntries.AsNoTracking().SingleAsync(e => e.Id == days[1].Id)).Minutes.ShouldBe(210);
    }
}
