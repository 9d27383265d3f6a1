using MassTransit;
using Open311Gateway.Api.Errors;

namespace Open311Gateway.Api.Deliveries.Outcomes;

/// <summary>
/// Wraps the outcome queue's consumers and their in-memory retries: when those are spent and the database is still
/// unreachable, the message goes to the <see cref="OutcomeWaitQueue"/> instead of the error queue. Any other
/// error still ends in the error queue, so a bug cannot circle for ever.
/// </summary>
public sealed class WaitOutDatabaseOutageFilter(OutcomeWaitQueue waitQueue, ILogger<WaitOutDatabaseOutageFilter> logger) : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !context.CancellationToken.IsCancellationRequested)
        {
            await waitQueue.ParkAsync(context.ReceiveContext, context.CancellationToken);
            logger.LogWarning("Database unreachable: message {MessageId} ({Types}) waits in {Queue} and is tried again. {Error}",
                context.MessageId, string.Join(", ", context.SupportedMessageTypes), OutcomeWaitQueue.Name, e.Message);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("waitOutDatabaseOutage");
}
