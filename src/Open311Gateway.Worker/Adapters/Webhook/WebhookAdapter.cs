using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>Forwards messages as signed JSON POSTs to the route's endpoint (specs/webhook.md).</summary>
public sealed class WebhookAdapter(WebhookClient client, IOptionsMonitor<WebhookOptions> options, TimeProvider clock)
    : IBackOfficeAdapter
{
    public const string AdapterKind = "webhook";

    public string Kind => AdapterKind;

    public Task<AdapterResult> ForwardRequestAsync(ServiceRequestSubmitted message, CancellationToken cancellationToken) =>
        PostAsync(message.Route, message.DeliveryId, message.Attempt, idempotencyKey: message.ServiceRequestId,
            WebhookMapping.ServiceRequest(message, clock.GetUtcNow()), cancellationToken);

    public Task<AdapterResult> ForwardCitizenUpdateAsync(CitizenUpdateSubmitted message, CancellationToken cancellationToken) =>
        PostAsync(message.Route, message.DeliveryId, message.Attempt, idempotencyKey: "update-" + message.UpdateId,
            WebhookMapping.CitizenUpdate(message, clock.GetUtcNow()), cancellationToken);

    private async Task<AdapterResult> PostAsync(
        DeliveryRoute route, Guid deliveryId, int attempt, string idempotencyKey, byte[] body, CancellationToken cancellationToken)
    {
        // Both checks throw: without a key or a usable address no retry can ever succeed.
        var secret = options.CurrentValue.SecretFor(route.JurisdictionId)
            ?? throw new InvalidOperationException(
                $"No webhook secret configured for jurisdiction '{route.JurisdictionId}' " +
                $"(set {WebhookOptions.Section}:Secrets:{route.JurisdictionId}).");
        if (!Uri.TryCreate(route.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InvalidOperationException(
                $"Webhook endpoint '{route.Endpoint}' of jurisdiction '{route.JurisdictionId}' is not an absolute http(s) URL.");

        var headers = new Dictionary<string, string>
        {
            ["Idempotency-Key"] = idempotencyKey,
            [WebhookSignature.Header] = WebhookSignature.Compute(secret, body),
            ["X-Open311-Delivery-Id"] = deliveryId.ToString("D"),
            ["X-Open311-Attempt"] = attempt.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            return WebhookAnswer.Interpret(await client.PostAsync(endpoint, body, headers, cancellationToken));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AdapterResult(DeliveryOutcome.Failed,
                Detail: $"No answer from {endpoint.Host} within {options.CurrentValue.TimeoutSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return new AdapterResult(DeliveryOutcome.Failed, Detail: WebhookAnswer.Truncate($"{endpoint.Host} unreachable: {e.Message}"));
        }
    }
}
