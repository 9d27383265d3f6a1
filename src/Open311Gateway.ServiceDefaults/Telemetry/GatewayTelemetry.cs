using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Open311Gateway.ServiceDefaults.Logging;

namespace Open311Gateway.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics. Metrics are always collected (the management port's <c>/metrics</c> serves them);
/// traces always run, so that every log line of a request or a message carries its trace id. Both go out by OTLP
/// only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads its other OTEL_* variables itself).
/// </summary>
public static class GatewayTelemetry
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddGatewayTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayMeters.Api, GatewayMeters.Worker, GatewayMeters.MassTransit)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(GatewayMeters.MassTransit)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                    {
                        // A status link carries its token in the path: spans get the path as the logs do, without it.
                        aspNetCore.EnrichWithHttpRequest = (activity, request) =>
                            activity.SetTag("url.path", LogRedaction.Redact(request.Path.Value ?? ""));
                        aspNetCore.Filter = context => !IsProbe(context);
                    })
                    .AddHttpClientInstrumentation();
                if (otlp) tracing.AddOtlpExporter();
            });
        return builder;
    }

    // Kubernetes asks every few seconds; a span each would drown the real requests.
    private static bool IsProbe(HttpContext context) => context.Request.Path.StartsWithSegments("/health");
}
