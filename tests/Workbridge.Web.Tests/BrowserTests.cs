using Microsoft.Playwright;
using Shouldly;

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
}
