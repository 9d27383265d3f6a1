using Open311Gateway.Api.Deliveries.Bus;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.Deliveries.Outcomes;
using Open311Gateway.Api.Deliveries.Planning;
using Open311Gateway.Api.Deliveries.Retries;
using Open311Gateway.Api.StatusLinks;
using Open311Gateway.Api.StatusPolls;

namespace Open311Gateway.Api.Deliveries;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Planning, the outbox and its dispatcher, retries, outcomes, status polls and status links, and the bus that
    /// carries reports to workers.
    /// </summary>
    public static IServiceCollection AddDeliveries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.MaxAttempts > 0 && o.BatchSize > 0 && o.OutboxRowFailuresBeforeParking > 0 && o.StatusPollMaxCases > 0,
                "Delivery: MaxAttempts, BatchSize, OutboxRowFailuresBeforeParking and StatusPollMaxCases must be positive.")
            .Validate(o => o.PollIntervalSeconds > 0 && o.SendTimeoutSeconds > 0 && o.OutcomeWaitSeconds > 0 && o.InFlightTimeoutMinutes > 0
                    && o.RetryBaseDelaySeconds >= 0 && o.RetryMaxDelaySeconds >= o.RetryBaseDelaySeconds && o.StatusPollLeaseSeconds > 0,
                "Delivery: the intervals and timeouts must be positive, and RetryMaxDelaySeconds at least RetryBaseDelaySeconds.")
            .Validate(o => o.OutcomeRetryIntervals.All(i => i >= TimeSpan.Zero), "Delivery:OutcomeRetryIntervalsSeconds may not be negative.")
            .ValidateOnStart();
        services.AddStatusLinks();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<DeliveryMessages>();
        services.AddScoped<DeliveryPlanner>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<RetryScheduler>();
        services.AddScoped<StatusPollScheduler>();
        services.AddScoped<DeliveryOutcomeRecorder>();
        services.AddScoped<StatusPollAnswerRecorder>();
        services.AddScoped<DeliveryOperations>();
        services.AddScoped<OutboxOperations>();
        services.AddScoped<OutboxBacklog>();
        if (configuration.GetValue($"{DeliveryOptions.Section}:{nameof(DeliveryOptions.RunDispatcher)}", true))
            services.AddHostedService<DeliveryPump>();
        services.AddGatewayBus();
        return services;
    }
}
