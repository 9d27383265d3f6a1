using MassTransit;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Worker.Consumers;

internal static class AttemptContexts
{
    /// <summary>
    /// Whether an earlier try of this message may have reached the back office: a later attempt of the API's, a short
    /// retry of ours, or a redelivery (a worker died before acknowledging).
    /// </summary>
    public static AttemptContext Of(ConsumeContext context, int attempt) =>
        attempt > 1 || context.GetRetryAttempt() > 0 || context.ReceiveContext.Redelivered ? AttemptContext.Repeat : AttemptContext.First;
}
