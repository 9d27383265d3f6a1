using System.Text.Json;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries.Outbox;

/// <summary>Adds a message for a jurisdiction's worker to the unit of work; the caller's transaction commits it with the change it announces.</summary>
public sealed class OutboxWriter(GatewayDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <param name="deliveryId">The delivery whose attempt the message carries: its rows go when it ends (ADR 16).</param>
    public void Add<T>(T message, string jurisdictionId, Guid? deliveryId = null) where T : class => db.OutboxMessages.Add(new OutboxMessage
    {
        DeliveryId = deliveryId,
        MessageType = ContractTypes.NameOf<T>(),
        Destination = DeliveryQueues.ForJurisdiction(jurisdictionId),
        Payload = JsonSerializer.Serialize(message, PayloadJson),
        CreatedAt = clock.GetUtcNow(),
    });
}
