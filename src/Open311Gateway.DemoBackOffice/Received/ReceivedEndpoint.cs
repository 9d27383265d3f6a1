using System.Text.Json;

namespace Open311Gateway.DemoBackOffice.Received;

/// <summary><c>GET /received.json</c>: what arrived, for tests and scripts.</summary>
public static class ReceivedEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void MapReceived(this IEndpointRouteBuilder app) =>
        app.MapGet("/received.json", (ReceivedStore store) => Results.Json(new
        {
            store.Duplicates,
            Items = store.Items.Select(i => new
            {
                i.Number, i.Type, i.IdempotencyKey, i.CaseId, i.DeliveryId, i.Attempt, i.ReceivedAt, i.Duplicates, i.Body,
            }),
        }, Json));
}
