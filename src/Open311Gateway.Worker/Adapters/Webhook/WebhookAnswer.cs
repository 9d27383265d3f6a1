using System.Text.Json;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>What a back office's HTTP answer means for the delivery (specs/webhook.md, "Answers").</summary>
public static class WebhookAnswer
{
    public const int MaxDetailLength = 500;

    public static AdapterResult Interpret(HttpAnswer response) => response.Status switch
    {
        >= 200 and < 300 => new AdapterResult(DeliveryOutcome.Delivered, response.Status, CaseId(response.Body)),
        // Timeout and throttling are the back office's "not now", not "never". 401 and 403 mean our key or
        // signature is wrong: an operator fixes the configuration and a later attempt succeeds.
        401 or 403 or 408 or 429 => Failed(response),
        >= 400 and < 500 => new AdapterResult(DeliveryOutcome.Rejected, response.Status, Detail: Detail(response)),
        // 5xx, and 3xx too: redirects are not followed (a POST would turn into a GET), and a moved endpoint is
        // fixed in the catalogue, after which a later attempt can succeed.
        _ => Failed(response),
    };

    public static string Truncate(string text) =>
        text.Length <= MaxDetailLength ? text : text[..(MaxDetailLength - 1)] + "…";

    private static AdapterResult Failed(HttpAnswer response) =>
        new(DeliveryOutcome.Failed, response.Status, Detail: Detail(response));

    private static string Detail(HttpAnswer response)
    {
        var body = response.Body.Trim();
        return Truncate(body.Length == 0 ? $"HTTP {response.Status}" : $"HTTP {response.Status}: {body}");
    }

    // The case id is a courtesy: a 2xx with a body we cannot read still means the back office has the report.
    private static string? CaseId(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in (string[])["case_id", "external_case_id"])
            {
                if (!document.RootElement.TryGetProperty(name, out var value)) continue;
                var id = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(id)) return id;
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
