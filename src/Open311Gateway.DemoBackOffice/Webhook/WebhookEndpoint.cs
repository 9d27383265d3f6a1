using System.Text.Json;
using Microsoft.Extensions.Options;
using Open311Gateway.DemoBackOffice.Admin;
using Open311Gateway.DemoBackOffice.Received;

namespace Open311Gateway.DemoBackOffice.Webhook;

/// <summary><c>POST /webhook</c>: the receiving side of specs/webhook.md.</summary>
public static class WebhookEndpoint
{
    public static void MapWebhook(this IEndpointRouteBuilder app) => app.MapPost("/webhook", ReceiveAsync);

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, OutageSwitch outage, ReceivedStore store, IOptions<DemoBackOfficeOptions> options, ILogger<ReceivedStore> logger)
    {
        if (outage.FailWith is { } failWith)
            return Results.Text("Simulierte Störung / simulated outage", "text/plain; charset=utf-8", statusCode: failWith);

        // The signature covers the exact bytes, so read them before anything parses the body.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = buffer.ToArray();
        if (!SignatureCheck.Matches(options.Value.Secret, body, request.Headers["X-Open311-Signature"]))
        {
            logger.LogWarning("Webhook with a missing or wrong signature refused");
            return Results.Json(new { error = "signature mismatch" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0) return Results.BadRequest(new { error = "Idempotency-Key header missing" });
        JsonElement json;
        try { json = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { return Results.BadRequest(new { error = "body is not JSON" }); }
        var type = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is not ("service_request" or "citizen_update"))
            return Results.BadRequest(new { error = $"unknown type '{type}'" });

        var (item, duplicate) = store.Receive(type, key,
            request.Headers["X-Open311-Delivery-Id"].ToString(), request.Headers["X-Open311-Attempt"].ToString(), json);
        logger.LogInformation("{Type} {Key} received{Duplicate}; case {CaseId}", type, key, duplicate ? " again (duplicate)" : "", item.CaseId);
        return Results.Json(item.CaseId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["case_id"] = item.CaseId });
    }
}
