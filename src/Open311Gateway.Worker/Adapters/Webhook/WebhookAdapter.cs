using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Worker.Adapters.Http;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>Forwards messages as signed JSON POSTs to the route's endpoint (specs/webhook.md).</summary>
/// <remarks>Idempotent by its <c>Idempotency-Key</c>: a repeat never opens a second case at a back office that honours it.</remarks>
public sealed class WebhookAdapter(WebhookClient client, IOptionsMonitor<WebhookOptions> options, DestinationPolicy destinations, TimeProvider clock)
    : IBackOfficeAdapter
{
    public string Kind => AdapterKinds.Webhook;

    public Task<AdapterResult> ForwardRequestAsync(ServiceRequestSubmitted message, AttemptContext attempt, CancellationToken cancellationToken) =>
        PostAsync(message.Route, message.DeliveryId, message.Attempt, idempotencyKey: message.ServiceRequestId,
            WebhookMapping.ServiceRequest(message, clock.GetUtcNow()), cancellationToken);

    public Task<AdapterResult> ForwardCitizenUpdateAsync(CitizenUpdateSubmitted message, AttemptContext attempt, CancellationToken cancellationToken) =>
        PostAsync(message.Route, message.DeliveryId, message.Attempt, idempotencyKey: "update-" + message.UpdateId,
            WebhookMapping.CitizenUpdate(message, clock.GetUtcNow()), cancellationToken);

    private async Task<AdapterResult> PostAsync(
        DeliveryRoute route, Guid deliveryId, int attempt, string idempotencyKey, byte[] body, CancellationToken cancellationToken)
    {
        // These checks throw: without a key, a usable address or the operator's permission no retry can ever succeed.
        var secret = options.CurrentValue.SecretFor(route.JurisdictionId)
            ?? throw new InvalidOperationException(
                $"No webhook secret configured for jurisdiction '{route.JurisdictionId}' " +
                $"(set {WebhookOptions.Section}:Secrets:{route.JurisdictionId}).");
        if (!Uri.TryCreate(route.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InvalidOperationException(
                $"Webhook endpoint '{route.Endpoint}' of jurisdiction '{route.JurisdictionId}' is not an absolute http(s) URL.");
        destinations.EnsureAllowed(route.JurisdictionId, endpoint);

        var headers = new Dictionary<string, string>
        {
            ["Idempotency-Key"] = idempotencyKey,
            [WebhookSignature.Header] = WebhookSignature.Compute(secret, body),
            ["X-Open311-Delivery-Id"] = deliveryId.ToString("D"),
            ["X-Open311-Attempt"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            var timeout = TimeSpan.FromSeconds(options.CurrentValue.TimeoutSeconds);
            return WebhookAnswer.Interpret(await client.PostAsync(endpoint, body, headers, timeout, cancellationToken));
        }
        catch (HttpExchangeTimeoutException e)
        {
            return new AdapterResult(DeliveryOutcome.Failed, Detail: e.Message);
        }
        catch (HttpRequestException e)
        {
            return new AdapterResult(DeliveryOutcome.Failed, Detail: WebhookAnswer.Truncate($"{endpoint.Host} unreachable: {e.Message}"));
        }
    }
}
