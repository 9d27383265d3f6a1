using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Open311Gateway.ServiceDefaults.Logging;
using Open311Gateway.ServiceDefaults.Management;
using Open311Gateway.ServiceDefaults.Telemetry;

namespace Open311Gateway.ServiceDefaults;

/// <summary>What the API and the worker set up alike; the bus is <see cref="Bus.GatewayRabbitMq"/>, as each brings its consumers.</summary>
public static class GatewayServiceDefaults
{
    /// <param name="serviceName">The OpenTelemetry service name.</param>
    /// <param name="defaultManagementPort">The management port when <c>Management:Port</c> is not set.</param>
    /// <param name="healthOnManagementPort">Serve <c>/health/live</c> and <c>/health/ready</c> there too (the worker: it has no other HTTP).</param>
    public static IHostApplicationBuilder AddGatewayServiceDefaults(
        this IHostApplicationBuilder builder, string serviceName, int defaultManagementPort, bool healthOnManagementPort)
    {
        builder.AddGatewayLogging();
        builder.AddGatewayTelemetry(serviceName);
        builder.Services.AddHealthChecks();
        builder.Services.AddOptions<ManagementOptions>()
            .Configure(o => o.Port = defaultManagementPort)
            .BindConfiguration(ManagementOptions.Section)
            .Validate(o => o.Port is >= 0 and <= ushort.MaxValue, "Management:Port must be between 0 (off) and 65535.")
            .Validate(o => System.Net.IPAddress.TryParse(o.Address, out _), "Management:Address must be an IP address (0.0.0.0 for every interface).")
            .ValidateOnStart();
        builder.Services.AddSingleton(new ManagementEndpoints(healthOnManagementPort));
        builder.Services.AddHostedService<ManagementServer>();
        return builder;
    }
}
