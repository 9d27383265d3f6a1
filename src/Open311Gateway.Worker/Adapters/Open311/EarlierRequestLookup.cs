using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// Before a repeat, looks for the request an earlier try may have left upstream: <c>GET requests</c> of the service from
/// shortly before our report was filed until now, and the element whose description carries our marker.
/// </summary>
public static class EarlierRequestLookup
{
    /// <summary>Clocks and zones of upstreams are not ours: their requested_datetime may be off by this much either way.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromHours(1);

    /// <summary>The standard's longest start_date–end_date window.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    /// <summary>
    /// Delivered (with the upstream's id) when the earlier copy is there; Failed when the upstream cannot be asked now
    /// (5xx, 401/403/408/429: a POST now could make a second copy); null when there is none, or the upstream cannot
    /// look it up (a 4xx to the query, an answer we cannot read): then the POST goes ahead.
    /// </summary>
    /// <exception cref="Http.HttpExchangeTimeoutException">As <see cref="UpstreamConversation.GetAsync"/>.</exception>
    /// <exception cref="HttpRequestException">As <see cref="UpstreamConversation.GetAsync"/>.</exception>
    public static async Task<LookupOutcome> FindAsync(
        UpstreamConversation upstream, ServiceRequestSubmitted message, string marker, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = message.RequestedAt - Slack;
        var end = now + Slack;
        if (end - start > MaxWindow) end = start + MaxWindow;
        var uri = upstream.Upstream.RequestsQuery(
            ("service_code", message.Route.ExternalServiceCode ?? message.ServiceCode),
            ("start_date", Open311Times.Format(start, message.Route.TimeZone)),
            ("end_date", Open311Times.Format(end, message.Route.TimeZone)));
        var answer = await upstream.GetAsync(uri, cancellationToken, isList: true);
        if (!answer.IsSuccess)
        {
            var refused = Open311Answers.Refused(answer);
            return refused.Outcome == DeliveryOutcome.Failed
                ? new LookupOutcome(refused with { Detail = "Looking for an earlier copy failed: " + refused.Detail }, null)
                : new LookupOutcome(null, "the upstream refused the lookup: " + refused.Detail);
        }
        var document = UpstreamDocument.Read(answer);
        if (document.Unreadable) return new LookupOutcome(null, "the lookup's answer was " + document.Problem);
        var earlier = document.Items.FirstOrDefault(i => i["description"]?.Contains(marker, StringComparison.Ordinal) == true && i["service_request_id"] is not null);
        return earlier is null
            ? new LookupOutcome(null, null)
            : new LookupOutcome(new AdapterResult(DeliveryOutcome.Delivered, answer.Status, earlier["service_request_id"],
                "An earlier try had reached the upstream; found by our marker, not posted again."), null);
    }
}
