using System.Text.Json;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries;

/// <summary>
/// Adds a delivery and the outbox message of its next attempt to the unit of work. The caller saves
/// them in the same transaction as the request or update they carry, so neither exists without the other.
/// </summary>
public sealed class DeliveryPlanner(GatewayDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>Plans the first attempt for a stored report; null when its jurisdiction forwards nowhere.</summary>
    public Delivery? PlanRequest(ServiceRequest request, Service service, Jurisdiction jurisdiction)
    {
        if (DeliveryRoutes.For(service, jurisdiction) is not { } route) return null;
        var delivery = NewDelivery(DeliveryKinds.Request, request, null);
        Enqueue(DeliveryMessages.ForRequest(delivery, route, request, service), jurisdiction.Id);
        return delivery;
    }

    /// <summary>Plans the first attempt for a stored citizen follow-up; null when its jurisdiction forwards nowhere.</summary>
    public Delivery? PlanCitizenUpdate(RequestUpdate update, ServiceRequest request, Service service, Jurisdiction jurisdiction)
    {
        if (DeliveryRoutes.For(service, jurisdiction) is not { } route) return null;
        var delivery = NewDelivery(DeliveryKinds.CitizenUpdate, request, update.Id);
        Enqueue(DeliveryMessages.ForCitizenUpdate(delivery, route, update, request), jurisdiction.Id);
        return delivery;
    }

    /// <summary>Plans the next attempt of a delivery that is due again (a retry or an operator's replay).</summary>
    public void PlanNextAttempt(Delivery delivery, ServiceRequest request, Service service, Jurisdiction jurisdiction, RequestUpdate? update)
    {
        var route = DeliveryRoutes.For(service, jurisdiction)
            ?? throw new InvalidOperationException($"Jurisdiction {jurisdiction.Id} no longer has a delivery route.");
        delivery.Attempts++;
        delivery.State = DeliveryStates.InFlight;
        delivery.NextAttemptAt = null;
        delivery.UpdatedAt = clock.GetUtcNow();
        if (delivery.Kind == DeliveryKinds.CitizenUpdate && update is not null)
            Enqueue(DeliveryMessages.ForCitizenUpdate(delivery, route, update, request), jurisdiction.Id);
        else
            Enqueue(DeliveryMessages.ForRequest(delivery, route, request, service), jurisdiction.Id);
    }

    private Delivery NewDelivery(string kind, ServiceRequest request, long? updateId)
    {
        var now = clock.GetUtcNow();
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            ServiceRequestId = request.Id,
            RequestUpdateId = updateId,
            JurisdictionId = request.JurisdictionId,
            State = DeliveryStates.InFlight,
            Attempts = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Deliveries.Add(delivery);
        return delivery;
    }

    private void Enqueue<T>(T message, string jurisdictionId) where T : class => db.OutboxMessages.Add(new OutboxMessage
    {
        MessageType = ContractTypes.NameOf<T>(),
        Destination = DeliveryQueues.ForJurisdiction(jurisdictionId),
        Payload = JsonSerializer.Serialize(message, PayloadJson),
        CreatedAt = clock.GetUtcNow(),
    });
}
