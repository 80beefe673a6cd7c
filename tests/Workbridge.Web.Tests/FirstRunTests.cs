using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Workbridge.Data;

namespace Workbridge.Web.Tests;

public sealed class FirstRunTests
{
    [Fact]
    public async Task EmptyDatabase_GetsTheDemo_AndASecondStartLeavesItAlone()
    {
        await using var site = await TestSite.StartAsync(demo: true);
        var (people, facilities, regions) = await site.Scoped(async s =>
        {
            var db = s.GetRequiredService<WorkbridgeDb>();
            return (await db.People.CountAsync(), await db.Facilities.CountAsync(), await db.Facilities.Select(f => f.RegionCode).Distinct().CountAsync());
        });
        (people, facilities).ShouldBe((3000, 20));
        regions.ShouldBeGreaterThan(1);

        await WorkbridgeApp.PrepareDatabaseAsync(site.App);
        (await site.Scoped(s => s.GetRequiredService<WorkbridgeDb>().People.CountAsync())).ShouldBe(3000);
    }
}
