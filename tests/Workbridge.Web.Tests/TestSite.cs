using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Workbridge.Core.Access;
using Workbridge.Core.Common;
using Workbridge.Core.Registry;
using Workbridge.Data;
using Workbridge.Data.Seeding;
using Workbridge.Web.Features.Accounts;
using Workbridge.Web;

namespace Workbridge.Web.Tests;

/// <summary>
/// The real web application on a fresh SQLite file, either in process (TestServer, for API and page tests) or on a
/// loopback port (Kestrel, for the browser). Seeded with a small synthetic population unless the demo is asked for.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly string _folder;

    private readonly Dictionary<Role, (string UserName, string Password, string Token)> _accounts = [];

    private TestSite(WebApplication app, string folder)
    {
        App = app;
        _folder = folder;
    }

    public WebApplication App { get; }

    /// <summary>The facility the facility-staff account belongs to, and the person the person account is.</summary>
    public Guid StaffFacilityId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>The verified private employer the employer account acts for.</summary>
    public Guid EmployerId { get; private set; }

    public (string UserName, string Password) Account(Role role) => (_accounts[role].UserName, _accounts[role].Password);

    public string DatabaseFile => Path.Combine(_folder, "site.db");

    public static async Task<TestSite> StartAsync(bool kestrel = false, bool demo = false, int people = 300, TimeProvider? clock = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "workbridge-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var app = WorkbridgeApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Workbridge"] = $"Data Source={Path.Combine(folder, "site.db")}",
                ["Workbridge:Demo"] = demo ? "true" : "false",
                ["Urls"] = "http://127.0.0.1:0",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Workbridge:LedgerKeyFile"] = Path.Combine(folder, "ledger-key.pem"),
                ["Workbridge:BackgroundJobs"] = "false",
            });
            if (!kestrel)
            {
                builder.WebHost.UseTestServer();
            }

            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        await WorkbridgeApp.PrepareDatabaseAsync(app);
        if (!demo && people > 0)
        {
            using var scope = app.Services.CreateScope();
            await Seeder.SeedAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), Core.Access.Actor.System("test"), new Seeder.Options(people, 4, Seed: 42), null, default);
        }

        await app.StartAsync();
        var site = new TestSite(app, folder);
        if (people > 0 || demo)
        {
            await site.CreateAccountsAsync();
        }

        return site;
    }

    /// <summary>An in-process client acting, by API token, as the test account of <paramref name="role"/>.</summary>
    public HttpClient Client(Role role = Role.CentralStaff)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _accounts[role].Token);
        return client;
    }

    /// <summary>An in-process client with no credentials.</summary>
    public HttpClient Anonymous() => App.GetTestClient();

    /// <summary>A convicted person in custody with years left to serve, in or outside a facility: one whose release date can be moved many times.</summary>
    public static Task<Person> LongSentenceAsync(WorkbridgeDb db, Guid facilityId, bool inFacility) =>
        db.People.AsNoTracking()
            .Where(p => (p.FacilityId == facilityId) == inFacility && p.Status == CustodyStatus.InCustody && p.LegalStatus == LegalStatus.Convicted)
            .OrderBy(p => p.ReferenceNumber)
            .AsAsyncEnumerable()
            .FirstAsync(p => p.Sentence.End is null || p.Sentence.End.Value.DayNumber - p.Sentence.Start!.Value.DayNumber > 1000)
            .AsTask();

    private async Task CreateAccountsAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkbridgeDb>();
        var facility = await db.Facilities.AsNoTracking().OrderBy(f => f.Code).FirstAsync(f => f.Kind != FacilityKind.PreTrialDetentionCentre);
        var person = await LongSentenceAsync(db, facility.Id, inFacility: true);
        StaffFacilityId = facility.Id;
        PersonId = person.Id;
        var employer = await db.Employers.AsNoTracking().OrderBy(e => e.TaxId).FirstOrDefaultAsync(e => e.Verified && e.Sector == Core.Work.EmployerSector.Private);
        if (employer is null)
        {
            employer = new Core.Work.Employer("ООО «Тестовая мастерская»", "7707083893", facility.RegionCode, Core.Work.EmployerSector.Private);
            employer.Verify(DateTime.UtcNow);
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(Actor.System("test"), d =>
            {
                d.Employers.Add(employer);
                return Task.FromResult(0);
            }, default);
        }

        EmployerId = employer.Id;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var request = new NewAccount($"test-{EnumText.Kebab(role)}", $"Test {role}", role, FacilityCode: facility.Code, RegionCode: facility.RegionCode, PersonReference: person.ReferenceNumber, EmployerId: employer.Id);
            var (account, password) = await accounts.CreateAsync(Actor.System("test"), request, null, default);
            var (_, token) = await accounts.IssueTokenAsync(Actor.System("test"), account.UserName, "tests", 90, default);
            _accounts[role] = (account.UserName, password, token);
        }
    }

    public string Address => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public T Scoped<T>(Func<IServiceProvider, T> use)
    {
        using var scope = App.Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>The system clock moved by an offset a test can change: months can pass in a test.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
