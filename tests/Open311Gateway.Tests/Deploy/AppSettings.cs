using Microsoft.Extensions.Configuration;
using Open311Gateway.Api.Deliveries;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Photos;
using Open311Gateway.Api.Privacy;
using Open311Gateway.Api.StatusLinks;
using Open311Gateway.Worker.Adapters.Email;
using Open311Gateway.Worker.Adapters.Webhook;
using Open311Gateway.Worker.Destinations;
using Open311Gateway.Worker.Hosting;
using Open311Gateway.Api.Hosts;
using Open311Gateway.Api.Idempotency;
using Open311Gateway.Api.RateLimiting;
using Open311Gateway.ServiceDefaults.Bus;
using Open311Gateway.ServiceDefaults.Management;

namespace Open311Gateway.Tests.Deploy;

/// <summary>
/// What a deployment gives an app as settings, bound to the app's own options classes with unknown keys refused:
/// a misspelt name (RabbitMQ__Hostname) would otherwise be ignored and the default used in production.
/// </summary>
internal static class AppSettings
{
    public static readonly Dictionary<string, Type> Api = new()
    {
        [Open311Options.Section] = typeof(Open311Options),
        [IdempotencyOptions.Section] = typeof(IdempotencyOptions),
        [RabbitMqOptions.Section] = typeof(RabbitMqOptions),
        [ManagementOptions.Section] = typeof(ManagementOptions),
        [RateLimitOptions.Section] = typeof(RateLimitOptions),
        [TrustedProxyOptions.Section] = typeof(TrustedProxyOptions),
        [StatusLinkOptions.Section] = typeof(StatusLinkOptions),
        [PhotoOptions.Section] = typeof(PhotoOptions),
        [DeliveryOptions.Section] = typeof(DeliveryOptions),
        [PrivacyOptions.Section] = typeof(PrivacyOptions),
    };

    public static readonly Dictionary<string, Type> Worker = new()
    {
        [WorkerOptions.Section] = typeof(WorkerOptions),
        [DestinationOptions.Section] = typeof(Dictionary<string, DestinationOptions>),
        [RabbitMqOptions.Section] = typeof(RabbitMqOptions),
        [ManagementOptions.Section] = typeof(ManagementOptions),
        [WebhookOptions.Section] = typeof(WebhookOptions),
        [EmailOptions.Section] = typeof(EmailOptions),
    };

    /// <summary>Throws naming each key that no options class of the app knows.</summary>
    public static void AssertBindsWithoutUnknownKeys(IConfiguration settings, Dictionary<string, Type> sections)
    {
        var keys = settings.AsEnumerable().Where(p => p.Value is not null).Select(p => p.Key).ToList();
        // Bound by the longest section that holds the key: Worker:Destinations has its own options, not WorkerOptions'.
        var bySection = keys.Where(k => !k.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
            .GroupBy(k => sections.Keys.Where(s => k.StartsWith(s + ":", StringComparison.Ordinal)).MaxBy(s => s.Length)
                ?? throw new InvalidOperationException($"{k} belongs to no options class of the app."));
        foreach (var group in bySection)
        {
            var subsections = sections.Keys.Where(s => s != group.Key && s.StartsWith(group.Key + ":", StringComparison.Ordinal)).ToList();
            var own = new ConfigurationBuilder()
                .AddInMemoryCollection(group.Where(k => !subsections.Any(s => k.StartsWith(s + ":", StringComparison.Ordinal)))
                    .Select(k => new KeyValuePair<string, string?>(k, settings[k])))
                .Build();
            own.GetSection(group.Key).Get(sections[group.Key], binder => binder.ErrorOnUnknownConfiguration = true);
        }
    }
}
