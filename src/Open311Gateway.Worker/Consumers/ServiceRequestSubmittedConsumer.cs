using MassTransit;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Worker.Consumers;

public sealed class ServiceRequestSubmittedConsumer(AdapterRegistry adapters, DeliveryOutcomeReporter reporter)
    : IConsumer<ServiceRequestSubmitted>
{
    public async Task Consume(ConsumeContext<ServiceRequestSubmitted> context)
    {
        var message = context.Message;
        var result = await adapters.Get(message.Route.Adapter)
            .ForwardRequestAsync(message, AttemptContexts.Of(context, message.Attempt), context.CancellationToken);
        await reporter.ReportAsync(context, message.Route.Adapter, message.DeliveryId, message.Attempt, result);
    }
}
