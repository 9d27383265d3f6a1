using MassTransit;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Deliveries.Outcomes;
using Open311Gateway.Api.StatusPolls;
using Open311Gateway.Contracts;
using Open311Gateway.ServiceDefaults.Bus;

namespace Open311Gateway.Api.Deliveries.Bus;

public static class GatewayBus
{
    /// <summary>MassTransit on RabbitMQ (<see cref="GatewayRabbitMq"/>): the API sends to workers' queues and consumes the outcome queue.</summary>
    public static IServiceCollection AddGatewayBus(this IServiceCollection services)
    {
        services.AddSingleton<OutcomeWaitQueue>();
        services.AddSingleton<WaitOutDatabaseOutageFilter>();
        services.AddGatewayRabbitMq(
            bus =>
            {
                bus.AddConsumer<DeliveryAttemptedConsumer>();
                bus.AddConsumer<DeliveryFaultConsumer>();
                bus.AddConsumer<StatusPollAnsweredConsumer>();
            },
            (context, rabbit) => rabbit.ReceiveEndpoint(DeliveryQueues.Outcomes, endpoint =>
            {
                endpoint.UseGatewayQueueType(context);
                // Outside the retries: once they are spent in a database outage, the message waits in RabbitMQ, not in an error queue.
                endpoint.UseFilter(context.GetRequiredService<WaitOutDatabaseOutageFilter>());
                var intervals = context.GetRequiredService<IOptions<DeliveryOptions>>().Value.OutcomeRetryIntervals;
                if (intervals.Count > 0) endpoint.UseMessageRetry(retry => retry.Intervals(intervals.ToArray()));
                endpoint.ConfigureConsumer<DeliveryAttemptedConsumer>(context);
                endpoint.ConfigureConsumer<DeliveryFaultConsumer>(context);
                endpoint.ConfigureConsumer<StatusPollAnsweredConsumer>(context);
            }));
        return services;
    }
}
