using MassTransit;
using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;
using Open311Gateway.ServiceDefaults.Bus;
using Open311Gateway.Worker.Hosting;

namespace Open311Gateway.Worker.Consumers;

/// <summary>The consumers and retry policy of a jurisdiction's queue; shared by the RabbitMQ host and the tests.</summary>
public static class DeliveryEndpoint
{
    public static void AddDeliveryConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ServiceRequestSubmittedConsumer>();
        bus.AddConsumer<CitizenUpdateSubmittedConsumer>();
        bus.AddConsumer<StatusPollRequestedConsumer>();
    }

    /// <summary>One receive endpoint per configured jurisdiction.</summary>
    public static void ReceiveDeliveryEndpoints(this IReceiveConfigurator bus, IRegistrationContext context)
    {
        var options = context.GetRequiredService<IOptions<WorkerOptions>>().Value;
        foreach (var jurisdiction in options.Jurisdictions)
            bus.ReceiveEndpoint(DeliveryQueues.ForJurisdiction(jurisdiction), e => e.ConfigureDelivery(context, options));
    }

    public static void ConfigureDelivery(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, WorkerOptions options)
    {
        // Messages are sent to this queue, never published: binding it to the message-type exchanges would hand
        // a stray publish (with personal data) to every jurisdiction's worker.
        endpoint.ConfigureConsumeTopology = false;
        endpoint.UseGatewayQueueType(context);
        endpoint.PrefetchCount = options.PrefetchCount;

        var intervals = options.ShortRetryIntervals;
        if (intervals.Count > 0)
            endpoint.UseMessageRetry(r =>
            {
                r.Intervals(intervals.ToArray());
                r.Handle<TransientDeliveryException>();
            });

        endpoint.ConfigureConsumer<ServiceRequestSubmittedConsumer>(context);
        endpoint.ConfigureConsumer<CitizenUpdateSubmittedConsumer>(context);
        endpoint.ConfigureConsumer<StatusPollRequestedConsumer>(context);
    }
}
