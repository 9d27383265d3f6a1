using System.Text.Json;

namespace Open311Gateway.DemoBackOffice.Received;

/// <summary>One webhook as it arrived. <see cref="Duplicates"/> counts later deliveries with the same idempotency key.</summary>
public sealed record ReceivedItem(
    int Number,
    string Type,
    string IdempotencyKey,
    string? CaseId,
    string? DeliveryId,
    string? Attempt,
    DateTimeOffset ReceivedAt,
    JsonElement Body)
{
    public int Duplicates { get; set; }

    public string? ServiceRequestId =>
        Body.TryGetProperty("service_request_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
