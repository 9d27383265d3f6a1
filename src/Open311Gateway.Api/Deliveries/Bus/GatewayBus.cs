using MassTransit;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Deliveries.Outcomes;
using Open311Gateway.Api.StatusPolls;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries.Bus;

public static class GatewayBus
{
    /// <summary>MassTransit on RabbitMQ: the API sends to workers' queues and consumes the outcome queue.</summary>
    public static IServiceCollection AddGatewayBus(this IServiceCollection services)
    {
        services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section);
        services.AddSingleton<OutcomeWaitQueue>();
        services.AddSingleton<WaitOutDatabaseOutageFilter>();
        services.AddMassTransit(bus =>
        {
            // Usage telemetry would send host, bus and queue names (which name the municipalities) to a third party.
            bus.DisableUsageTelemetry();
            bus.AddConsumer<DeliveryAttemptedConsumer>();
            bus.AddConsumer<DeliveryFaultConsumer>();
            bus.AddConsumer<StatusPollAnsweredConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                });
                rabbit.ReceiveEndpoint(DeliveryQueues.Outcomes, endpoint =>
                {
                    // Outside the retries: once they are spent in a database outage, the message waits in RabbitMQ, not in an error queue.
                    endpoint.UseFilter(context.GetRequiredService<WaitOutDatabaseOutageFilter>());
                    var intervals = context.GetRequiredService<IOptions<DeliveryOptions>>().Value.OutcomeRetryIntervals;
                    if (intervals.Count > 0) endpoint.UseMessageRetry(retry => retry.Intervals(intervals.ToArray()));
                    endpoint.ConfigureConsumer<DeliveryAttemptedConsumer>(context);
                    endpoint.ConfigureConsumer<DeliveryFaultConsumer>(context);
                    endpoint.ConfigureConsumer<StatusPollAnsweredConsumer>(context);
                });
            });
        });
        return services;
    }
}
