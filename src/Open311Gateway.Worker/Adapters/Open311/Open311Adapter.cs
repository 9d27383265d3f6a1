using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Contracts.StatusPolls;
using Open311Gateway.Worker.Adapters.Http;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// Forwards reports and follow-ups to another GeoReport v2 server (Mark-a-Spot, Klarschiff, another gateway) and reads
/// its statuses back by poll (specs/adapters.md, "Upstream Open311").
/// </summary>
/// <remarks>
/// GeoReport v2 has no idempotency key. Our marker (<see cref="Open311Marker"/>) in the description lets a repeat find
/// the request an earlier try left upstream (<see cref="EarlierRequestLookup"/>) instead of filing it again.
/// </remarks>
public sealed class Open311Adapter(
    Open311UpstreamClient client,
    IOptionsMonitor<Open311UpstreamOptions> options,
    DestinationPolicy destinations,
    TimeProvider clock,
    ILogger<Open311Adapter> logger) : IBackOfficeAdapter, IStatusPoller
{
    /// <summary>
    /// The external case id of a report the upstream has named only by a batch token so far; a poll resolves it.
    /// The API's <c>PolledChanges.PendingTokenPrefix</c>, which workers do not reference.
    /// </summary>
    public const string PendingTokenPrefix = "token:";

    public string Kind => AdapterKinds.Open311;

    public async Task<AdapterResult> ForwardRequestAsync(ServiceRequestSubmitted message, AttemptContext attempt, CancellationToken cancellationToken)
    {
        var upstream = Conversation(message.Route);
        var apiKey = ApiKey(message.Route);
        var marker = Open311Marker.For(message);
        return await ExchangeAsync(upstream, async () =>
        {
            if (attempt.MayRepeat || options.CurrentValue.LookUpBeforeFirstAttempts)
            {
                var earlier = await EarlierRequestLookup.FindAsync(upstream, message, marker, clock.GetUtcNow(), cancellationToken);
                if (earlier.Result is { } known) return known;
                if (earlier.NotLookedUp is { } why)
                    logger.Log(attempt.MayRepeat ? LogLevel.Warning : LogLevel.Information,
                        "Delivery {DeliveryId}: could not look for an earlier copy upstream ({Reason}); posting", message.DeliveryId, why);
            }
            var answer = await upstream.PostAsync(upstream.Upstream.Requests(), Open311Forms.ServiceRequest(message, apiKey, upstream.Upstream, marker), cancellationToken);
            return answer.IsSuccess ? await AcceptedAsync(upstream, answer, cancellationToken) : Open311Answers.Refused(answer);
        });
    }

    public async Task<AdapterResult> ForwardCitizenUpdateAsync(CitizenUpdateSubmitted message, AttemptContext attempt, CancellationToken cancellationToken)
    {
        var upstream = Conversation(message.Route);
        if (!upstream.Upstream.TakesFollowUps)
            return new AdapterResult(DeliveryOutcome.Rejected,
                Detail: "The upstream takes no follow-ups (the route's setting servicerequestupdates is not true).");
        var apiKey = ApiKey(message.Route);
        return await ExchangeAsync(upstream, async () =>
        {
            var caseId = message.ExternalCaseId;
            if (caseId?.StartsWith(PendingTokenPrefix, StringComparison.Ordinal) == true)
                caseId = await upstream.ResolveTokenAsync(caseId[PendingTokenPrefix.Length..], cancellationToken);
            // The report's own delivery may still be under way, or its token unresolved: a later attempt will know the id.
            if (caseId is null)
                return new AdapterResult(DeliveryOutcome.Failed,
                    Detail: $"The upstream has no id for report {message.ServiceRequestId} yet ({message.ExternalCaseId ?? "not delivered"}).");
            var answer = await upstream.PostAsync(upstream.Upstream.ServiceRequestUpdates(),
                Open311Forms.CitizenUpdate(message, apiKey, upstream.Upstream, caseId), cancellationToken);
            return answer.IsSuccess ? new AdapterResult(DeliveryOutcome.Delivered, answer.Status) : Open311Answers.Refused(answer);
        });
    }

    public async Task<PollResult> PollAsync(StatusPollRequested poll, CancellationToken cancellationToken)
    {
        var upstream = Conversation(poll.Route);
        try
        {
            return await Open311StatusPoll.RunAsync(upstream, poll, cancellationToken);
        }
        catch (HttpExchangeTimeoutException e)
        {
            return PollResult.Failed(e.Message, poll.Cursor);
        }
        catch (HttpRequestException e)
        {
            return PollResult.Failed(Open311Answers.Truncate($"{upstream.Upstream.Base.Host} unreachable: {e.Message}"), poll.Cursor);
        }
    }

    // A 2xx: an id (realtime), a token (batch: asked once at once, else the poll asks later), or neither (blackbox).
    private async Task<AdapterResult> AcceptedAsync(UpstreamConversation upstream, HttpAnswer answer, CancellationToken cancellationToken)
    {
        var document = UpstreamDocument.Read(answer);
        if (document.Unreadable)
            return new AdapterResult(DeliveryOutcome.Delivered, answer.Status,
                Detail: $"Accepted, but the answer was {document.Problem}: no upstream id, so no status comes back.");
        var accepted = document.Items.FirstOrDefault();
        if (accepted?["service_request_id"] is { } id) return new AdapterResult(DeliveryOutcome.Delivered, answer.Status, id);
        if (accepted?["token"] is not { } token)
            return new AdapterResult(DeliveryOutcome.Delivered, answer.Status, Detail: "Accepted without an id (blackbox): no status comes back.");
        try
        {
            if (await upstream.ResolveTokenAsync(token, cancellationToken) is { } resolved)
                return new AdapterResult(DeliveryOutcome.Delivered, answer.Status, resolved);
        }
        catch (Exception e) when (e is HttpExchangeTimeoutException or HttpRequestException)
        {
            // The upstream has the report whatever happens here; the poll asks for the token again.
            logger.LogInformation("Token {Token} not resolved at once: {Reason}", token, e.Message);
        }
        return new AdapterResult(DeliveryOutcome.Delivered, answer.Status, PendingTokenPrefix + token);
    }

    private static async Task<AdapterResult> ExchangeAsync(UpstreamConversation upstream, Func<Task<AdapterResult>> exchange)
    {
        try
        {
            return await exchange();
        }
        catch (HttpExchangeTimeoutException e)
        {
            return new AdapterResult(DeliveryOutcome.Failed, Detail: e.Message);
        }
        catch (HttpRequestException e)
        {
            return new AdapterResult(DeliveryOutcome.Failed, Detail: Open311Answers.Truncate($"{upstream.Upstream.Base.Host} unreachable: {e.Message}"));
        }
    }

    // Throws: without a usable endpoint no retry can ever succeed.
    private UpstreamConversation Conversation(DeliveryRoute route) =>
        new(client, destinations, route, UpstreamEndpoint.For(route), options.CurrentValue.Timeout);

    // Throws: without the upstream's key no retry can ever succeed; an operator configures it and replays.
    private string ApiKey(DeliveryRoute route) =>
        options.CurrentValue.ApiKeyFor(route.JurisdictionId)
        ?? throw new InvalidOperationException(
            $"No upstream Open311 API key configured for jurisdiction '{route.JurisdictionId}' " +
            $"(set {Open311UpstreamOptions.Section}:ApiKeys:{route.JurisdictionId}).");
}
