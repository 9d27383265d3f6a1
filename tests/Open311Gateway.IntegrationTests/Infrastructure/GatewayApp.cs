using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.ApiKeys;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// The real API host over a database of its own, seeded with <see cref="TestCatalog"/>, and an API key
/// for a test client app. One per test class.
/// </summary>
public class GatewayApp : IAsyncLifetime
{
    private readonly TestDatabase _database;

    // xunit builds class fixtures through a parameterless constructor.
    public GatewayApp() : this(null)
    {
    }

    /// <param name="database">A database on another server than the shared one; null: a new one on the shared server.</param>
    protected GatewayApp(TestDatabase? database) => _database = database ?? new TestDatabase();
    private WebApplicationFactory<Program>? _factory;

    protected virtual bool WithSecondJurisdiction => false;

    /// <summary>Configuration on top of the defaults, for variants (a broker of their own, short retry delays).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    /// <summary>Runs after the test catalogue is seeded, for variants that need more rows (a delivery route).</summary>
    protected virtual Task SeedMoreAsync(Open311Gateway.Api.Data.GatewayDbContext db) => Task.CompletedTask;

    public TestDatabase Database => _database;
    public string ApiKey { get; private set; } = "";
    public HttpClient Client { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var db = _database.CreateDbContext())
        {
            await TestCatalog.SeedAsync(db, WithSecondJurisdiction);
            await SeedMoreAsync(db);
        }

        _factory = CreateHost([]);
        Client = _factory.CreateClient();

        await using var scope = _factory.Services.CreateAsyncScope();
        (_, ApiKey) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Testclient", CancellationToken.None);
    }

    /// <summary>
    /// Another API process over the same database, with these settings on top: a restarted API, or a
    /// second replica. The caller disposes it.
    /// </summary>
    public WebApplicationFactory<Program> CreateHost(IEnumerable<KeyValuePair<string, string?>> overrides) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing").UseSetting("ConnectionStrings:Gateway", _database.ConnectionString);
            // Tests change catalogue rows and read them back at once: the caches check their version on every use
            // (ADR 22). CachedCatalogAcrossProcessesTests turns this off to see the notifications do it.
            web.UseSetting("Caching:CheckOnEveryUse", "true");
            foreach (var (key, value) in Settings.Concat(overrides)) web.UseSetting(key, value);
        });

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
