using MassTransit;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries.Outcomes;

/// <summary>
/// A worker's consumer threw a non-transient error: MassTransit moved the message to the worker's
/// <c>_error</c> queue and published this fault. The delivery ends failed, with the reason, instead of looping.
/// </summary>
public sealed class DeliveryFaultConsumer(DeliveryOutcomeRecorder recorder)
    : IConsumer<Fault<ServiceRequestSubmitted>>, IConsumer<Fault<CitizenUpdateSubmitted>>
{
    public Task Consume(ConsumeContext<Fault<ServiceRequestSubmitted>> context) =>
        recorder.RecordFaultAsync(context.Message.Message.DeliveryId, Reason(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<CitizenUpdateSubmitted>> context) =>
        recorder.RecordFaultAsync(context.Message.Message.DeliveryId, Reason(context.Message), context.CancellationToken);

    private static string Reason(Fault fault) =>
        string.Join("; ", fault.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"));
}
