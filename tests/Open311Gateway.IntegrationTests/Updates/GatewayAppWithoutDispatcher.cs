using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Updates;

/// <summary>
/// <see cref="GatewayApp"/>'s host without the outbox dispatcher, for tests that inspect outbox rows as the
/// API wrote them: a running dispatcher marks them tried or sent at any moment. (Stopping the dispatcher of a
/// running host is no way out: cancelled mid-round, it stops the whole host.)
/// </summary>
public sealed class GatewayAppWithoutDispatcher : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    public TestDatabase Database { get; } = new();
    public string ApiKey { get; private set; } = "";
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateDbContext())
            await TestCatalog.SeedAsync(db);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Testing")
            .UseSetting("ConnectionStrings:Gateway", Database.ConnectionString)
            .UseSetting("Delivery:RunDispatcher", "false"));
        Client = _factory.CreateClient();

        await using var scope = _factory.Services.CreateAsyncScope();
        (_, ApiKey) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Testclient", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
