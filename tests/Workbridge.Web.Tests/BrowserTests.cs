using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Workbridge.Core.Access;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Web.Features.Work;

namespace Workbridge.Web.Tests;

/// <summary>
/// A real Chromium (Debian's /usr/bin/chromium, installed by .ci/run) driven by Playwright against the site on a
/// loopback port: what a member of staff does all day, search the list and open a person.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Staff_SearchThePeopleList_AndOpenAPerson()
    {
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        await using var site = await TestSite.StartAsync(kestrel: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root in a closed network: no sandbox, and none of Chromium's own background connections, which hang here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(site.Address + "/people");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
        var (user, password) = site.Account(Core.Access.Role.CentralStaff);
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/people", StringComparison.Ordinal));
        var firstName = await page.Locator("#people tbody tr a").First.InnerTextAsync();
        var surname = firstName.Split(' ')[0];
        await page.FillAsync("input[name=q]", surname.ToLowerInvariant().Replace('ё', 'е'));
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));

        var names = await page.Locator("#people tbody tr a").AllInnerTextsAsync();
        names.ShouldNotBeEmpty();
        names.ShouldAllBe(name => name.StartsWith(surname, StringComparison.Ordinal));

        await page.Locator("#people tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/people/", StringComparison.Ordinal));
        (await page.Locator("#person-name").InnerTextAsync()).ShouldBe(names[0]);
        (await page.Locator("#movements tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#sentence").InnerTextAsync()).ShouldContain("Expected release");
    }

    /// <summary>Issue 4: a person reads an order's terms, applies by ticking that they agree, then withdraws.</summary>
    [Fact]
    public async Task Person_ApplyForWork_ThenWithdraw()
    {
        await using var site = await TestSite.StartAsync(kestrel: true);
        var orderId = await OrderForSitePersonAsync(site, activate: false);
        await using var session = await BrowserSession.StartAsync(site, Role.Person, "/work");
        var page = session.Page;

        await page.Locator($"tr[data-order='{orderId}'] a.button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/work/apply/", StringComparison.Ordinal));
        (await page.Locator("#terms").InnerTextAsync()).ShouldContain("Pack and label");
        await page.ClickAsync("#apply button[type=submit]");
        (await page.Locator(".errors").InnerTextAsync()).ShouldContain("Tick the box");
        await page.CheckAsync("#apply input[name=Agree]");
        await page.ClickAsync("#apply button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/work/placements/", StringComparison.Ordinal));
        (await page.Locator("#status [data-status]").GetAttributeAsync("data-status")).ShouldBe("Applied");

        await page.ClickAsync("#withdraw button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/work/placements/", StringComparison.Ordinal));
        (await page.Locator("#status [data-status]").GetAttributeAsync("data-status")).ShouldBe("Ended");
        (await page.Locator("#status").InnerTextAsync()).ShouldContain("Withdrawn by the person");
    }

    /// <summary>Issue 4: an employer records a day's hours on its placement; a day over the cap is refused with the article named.</summary>
    [Fact]
    public async Task Employer_RecordsHours_AndOverTheCapIsRefused()
    {
        await using var site = await TestSite.StartAsync(kestrel: true);
        await OrderForSitePersonAsync(site, activate: true);
        await using var session = await BrowserSession.StartAsync(site, Role.Employer, "/work");
        var page = session.Page;

        await page.Locator("#placements tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/work/placements/", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).ShouldContain("Packer");
        await page.FillAsync("#record-hours input[name=Hours]", "6");
        await page.ClickAsync("#record-hours button[type=submit]");
        await page.WaitForSelectorAsync("#timesheet tbody tr");
        (await page.Locator("#timesheet tbody tr").First.InnerTextAsync()).ShouldContain("6");

        await page.FillAsync("#record-hours input[name=Hours]", "12");
        await page.ClickAsync("#record-hours button[type=submit]");
        var error = await page.Locator(".errors").InnerTextAsync();
        error.ShouldContain("over the daily cap");
        error.ShouldContain("Labour Code art.");
        (await page.Locator("#timesheet tbody tr").First.InnerTextAsync()).ShouldContain("6");
    }

    /// <summary>An order at the staff facility for the site's employer, and the site person wanting work (applied and started when asked).</summary>
    private static async Task<Guid> OrderForSitePersonAsync(TestSite site, bool activate)
    {
        using var scope = site.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var central = Actor.System("test");
        var uow = services.GetRequiredService<UnitOfWork>();
        var person = await uow.Db.People.SingleAsync(p => p.Id == site.PersonId);
        person.UpdateDetails(new PersonDetails(person.ReferenceNumber, person.Identity, person.LegalStatus, person.Sentence, person.Education, person.Offences, person.Occupations, person.Languages, WantsWork: true, person.WantsTraining), uow.Now);
        await uow.RunAsync(central, _ => Task.FromResult(0), default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var order = await services.GetRequiredService<Openings>().CreateOrderAsync(central, new OrderInput(site.EmployerId, site.StaffFacilityId, Core.Work.WorkMode.InFacility, "9321", new TermsInput("Packer", "Pack and label finished goods by hand.", 40_000, 20, today.AddDays(-1), today.AddDays(100)), 3, [], [], false, "", null), default);
        if (activate)
        {
            var placements = services.GetRequiredService<Placements>();
            var placement = await placements.ApplyAsync(central, new ApplyInput(order.Id, site.PersonId, order.Terms.Hash, "ЗАЯВ-1"), default);
            await placements.AcceptAsync(central, placement!.Id, default);
            await placements.ActivateAsync(central, placement.Id, default);
        }

        return order.Id;
    }

    /// <summary>A headless Chromium signed in as one of the site's accounts, on a first page.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private IPlaywright _playwright = null!;
        private IBrowser _browser = null!;

        public IPage Page { get; private set; } = null!;

        public static async Task<BrowserSession> StartAsync(TestSite site, Role role, string path)
        {
            File.Exists(Chromium).ShouldBeTrue($"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
            var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
            session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            session.Page = await session._browser.NewPageAsync();
            // CI runs the test classes side by side on two cores: a first page that compiles its views can take longer
            // than Playwright's 30 s default, which once failed a run; a minute and a half says "stuck", not "slow".
            session.Page.SetDefaultTimeout(90_000);
            session.Page.SetDefaultNavigationTimeout(90_000);
            await session.Page.GotoAsync(site.Address + path);
            await session.Page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));
            var (user, password) = site.Account(role);
            await session.Page.FillAsync("input[name=UserName]", user);
            await session.Page.FillAsync("input[name=Password]", password);
            await session.Page.ClickAsync("button[type=submit]");
            await session.Page.WaitForURLAsync(url => url.EndsWith(path, StringComparison.Ordinal));
            return session;
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
