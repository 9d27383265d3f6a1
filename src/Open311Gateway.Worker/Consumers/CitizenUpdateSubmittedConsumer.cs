using MassTransit;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Worker.Consumers;

public sealed class CitizenUpdateSubmittedConsumer(AdapterRegistry adapters, DeliveryOutcomeReporter reporter)
    : IConsumer<CitizenUpdateSubmitted>
{
    public async Task Consume(ConsumeContext<CitizenUpdateSubmitted> context)
    {
        var message = context.Message;
        var result = await adapters.Get(message.Route.Adapter)
            .ForwardCitizenUpdateAsync(message, AttemptContexts.Of(context, message.Attempt), context.CancellationToken);
        await reporter.ReportAsync(context, message.Route.Adapter, message.DeliveryId, message.Attempt, result);
    }
}
