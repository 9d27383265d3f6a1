using Microsoft.Extensions.DependencyInjection.Extensions;
using Open311Gateway.ServiceDefaults.Bus;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Adapters.Email;
using Open311Gateway.Worker.Adapters.Redmine;
using Open311Gateway.Worker.Adapters.Open311;
using Open311Gateway.Worker.Adapters.Webhook;
using Open311Gateway.Worker.Consumers;
using Open311Gateway.Worker.Destinations;
using Open311Gateway.Worker.Observability;

namespace Open311Gateway.Worker.Hosting;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>Options, adapters and the outcome reporter: everything but the bus.</summary>
    public static IServiceCollection AddDeliveryCore(this IServiceCollection services)
    {
        services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.Section)
            .Validate(o => o.Jurisdictions.Count > 0 && o.Jurisdictions.All(j => !string.IsNullOrWhiteSpace(j)),
                "Worker:Jurisdictions is empty: list the jurisdiction ids whose queues this worker consumes " +
                "(for example Worker__Jurisdictions__0=musterstadt.de).")
            .Validate(o => o.ShortRetryIntervals.All(i => i >= TimeSpan.Zero), "Worker:ShortRetryIntervalsSeconds may not be negative.")
            .Validate(o => o.PrefetchCount > 0, "Worker:PrefetchCount must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Dictionary<string, DestinationOptions>>().BindConfiguration(DestinationOptions.Section);
        services.AddSingleton<DestinationPolicy>();
        // One line per adapter; each brings its folder's client, mapping and options (validated at start-up).
        services.AddWebhookAdapter();
        services.AddEmailAdapter();
        services.AddRedmineAdapter();
        services.AddOpen311Adapter();
        services.AddTransient<AdapterRegistry>();
        services.AddTransient<DeliveryOutcomeReporter>();
        // The reporter's: its counter, and where outcomes are sent (a classic queue unless the bus says quorum).
        services.AddMetrics();
        services.AddSingleton<DeliveryMetrics>();
        services.TryAddSingleton<SendQueues>();
        return services;
    }

    /// <summary>The worker as it runs: <see cref="AddDeliveryCore"/> plus MassTransit on RabbitMQ, one queue per jurisdiction.</summary>
    public static IServiceCollection AddDeliveryWorker(this IServiceCollection services)
    {
        services.AddDeliveryCore();
        services.AddGatewayRabbitMq(bus => bus.AddDeliveryConsumers(), (context, rabbit) => rabbit.ReceiveDeliveryEndpoints(context));
        return services;
    }
}
