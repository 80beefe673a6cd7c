namespace Workbridge.Web.Tests;

/// <summary>Tests against one in-process site per test class instance, seeded with 300 synthetic people.</summary>
public abstract class SiteTests : IAsyncLifetime
{
    protected TestSite Site { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await TestSite.StartAsync();
        Client = Site.Client();
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
