using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>
/// A second instance of our own gateway as the upstream GeoReport v2 server: its own database (test catalogue with
/// SCHLAGLOCH etc.) and its own client key, served by Kestrel on a real loopback port, since the worker under test is a
/// process of its own and cannot reach an in-memory test server.
/// </summary>
public sealed class UpstreamGateway : IAsyncDisposable
{
    private WebApplicationFactory<Program>? _served;

    /// <summary>The upstream as a test reads it: its database, its in-memory client, its back-office keys.</summary>
    public GatewayApp App { get; } = new();

    public UpstreamFaults Faults { get; } = new();

    /// <summary>The client key our worker posts with.</summary>
    public string ApiKey => App.ApiKey;

    /// <summary>Scheme, host and port, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        await App.InitializeAsync();
        _served = App.CreateHost([]).WithWebHostBuilder(web => web.ConfigureServices(s => s.AddSingleton<IStartupFilter>(Faults)));
        _served.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _served.StartServer();
        Url = _served.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>The upstream's reports that carry our marker for one of our reports (normally exactly one each).</summary>
    public async Task<List<ServiceRequest>> CopiesOfAsync(string ourId)
    {
        var marker = $"[Ref: gw-{TestCatalog.Jurisdiction}-{ourId}-";
        await using var db = App.Database.CreateDbContext();
        return await db.ServiceRequests.AsNoTracking().Where(r => r.Description != null && r.Description.Contains(marker)).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_served is not null) await _served.DisposeAsync();
        await App.DisposeAsync();
    }
}
