using MassTransit;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries.Outcomes;

/// <summary>Receives workers' reports of their attempts; the API host owns the database and records them.</summary>
public sealed class DeliveryAttemptedConsumer(DeliveryOutcomeRecorder recorder) : IConsumer<DeliveryAttempted>
{
    public Task Consume(ConsumeContext<DeliveryAttempted> context) => recorder.RecordAsync(context.Message, context.CancellationToken);
}
