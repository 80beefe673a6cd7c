using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workbridge.Data;
using Workbridge.Data.Seeding;
using Workbridge.Web;

namespace Workbridge.Web.Tests;

/// <summary>
/// The real web application on a fresh SQLite file, either in process (TestServer, for API and page tests) or on a
/// loopback port (Kestrel, for the browser). Seeded with a small synthetic population unless the demo is asked for.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly string _folder;

    private TestSite(WebApplication app, string folder)
    {
        App = app;
        _folder = folder;
    }

    public WebApplication App { get; }

    public string DatabaseFile => Path.Combine(_folder, "site.db");

    public static async Task<TestSite> StartAsync(bool kestrel = false, bool demo = false, int people = 300)
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
                ["Workbridge:PeriodicCheckpoints"] = "false",
            });
            if (!kestrel)
            {
                builder.WebHost.UseTestServer();
            }
        });
        await WorkbridgeApp.PrepareDatabaseAsync(app);
        if (!demo && people > 0)
        {
            using var scope = app.Services.CreateScope();
            await Seeder.SeedAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), Core.Access.Actor.System("test"), new Seeder.Options(people, 4, Seed: 42), null, default);
        }

        await app.StartAsync();
        return new TestSite(app, folder);
    }

    public HttpClient Client() => App.GetTestClient();

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
