using MassTransit;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.StatusPolls;
using Open311Gateway.ServiceDefaults.Bus;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Worker.Consumers;

/// <summary>
/// Asks the back office what changed and answers the API with the changes and the new cursor. Keeps nothing itself.
/// An expired poll (it waited in the queue while this worker was down; the API has sent a newer one) is dropped.
/// </summary>
public sealed class StatusPollRequestedConsumer(AdapterRegistry adapters, SendQueues queues, TimeProvider clock, ILogger<StatusPollRequestedConsumer> logger)
    : IConsumer<StatusPollRequested>
{
    public async Task Consume(ConsumeContext<StatusPollRequested> context)
    {
        var poll = context.Message;
        if (poll.ExpiresAt <= clock.GetUtcNow())
        {
            logger.LogInformation("Status poll {PollId} of {Route} expired in the queue; dropped", poll.PollId, poll.Route.RouteKey);
            return;
        }
        PollResult result;
        try
        {
            result = await adapters.GetPoller(poll.Route.Adapter).PollAsync(poll, context.CancellationToken);
        }
        catch (InvalidOperationException e)
        {
            // Misconfigured for this route (no such poller, no key, a destination not allowed): the API shows the reason.
            result = PollResult.Failed(e.Message, poll.Cursor);
        }
        if (!result.Succeeded) logger.LogWarning("Status poll {PollId} of {Route} failed: {Error}", poll.PollId, poll.Route.RouteKey, result.Error);
        var outcomes = await context.GetSendEndpoint(await queues.AddressAsync(DeliveryQueues.Outcomes, context.CancellationToken));
        await outcomes.Send(new StatusPollAnswered
        {
            PollId = poll.PollId,
            JurisdictionId = poll.Route.JurisdictionId,
            AnsweredAt = clock.GetUtcNow(),
            Succeeded = result.Succeeded,
            Error = result.Error,
            Cursor = result.Cursor,
            Changes = result.Changes,
            ResolvedCases = result.ResolvedCases,
        }, context.CancellationToken);
    }
}
