using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Open311Gateway.ServiceDefaults.Management;

/// <summary>
/// A small Kestrel server of its own on the management port. Its own host, so that the API's public endpoints
/// (and their middleware, rate limits, URLs) never serve <c>/metrics</c>, and so that the worker, a generic host,
/// gets the same server; it reads the meter provider and health checks of the process it belongs to.
/// </summary>
internal sealed class ManagementServer(
    IServiceProvider services, IOptions<ManagementOptions> options, ManagementEndpoints endpoints, ILogger<ManagementServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Port == 0) return;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // Nothing of the process's own configuration (its URLs, ASPNETCORE_HTTP_PORTS) may move this server.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(settings.Address), settings.Port));
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            services.GetRequiredService<MeterProvider>(), predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
        if (endpoints.Health)
        {
            var health = services.GetRequiredService<HealthCheckService>();
            app.MapGet("/health/live", () => Results.Text("Healthy"));
            app.MapGet("/health/ready", async (CancellationToken cancellation) =>
            {
                var report = await health.CheckHealthAsync(check => check.Tags.Contains(ManagementEndpoints.ReadyTag), cancellation);
                return Results.Text(report.Status.ToString(), statusCode: report.Status == HealthStatus.Unhealthy ? 503 : 200);
            });
        }
        await app.StartAsync(cancellationToken);
        _app = app;
        logger.LogInformation("Management port {Address}:{Port} serves /metrics{Health}", settings.Address, settings.Port,
            endpoints.Health ? ", /health/live and /health/ready" : "");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }
}
