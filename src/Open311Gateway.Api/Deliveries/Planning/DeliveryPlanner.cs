using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries.Planning;

/// <summary>
/// Adds a delivery and the outbox message of its next attempt to the unit of work. The caller saves
/// them in the same transaction as the request or update they carry, so neither exists without the other.
/// The route is fixed here and stored with the delivery: every later attempt goes where the first went.
/// </summary>
public sealed class DeliveryPlanner(GatewayDbContext db, DeliveryMessages messages, OutboxWriter outbox, TimeProvider clock)
{
    /// <summary>Plans the first attempt for a stored report; null when its jurisdiction forwards nowhere.</summary>
    public Delivery? PlanRequest(ServiceRequest request, Service service, Jurisdiction jurisdiction)
    {
        if (DeliveryRoutes.For(service, jurisdiction) is not { } route) return null;
        var delivery = NewDelivery(DeliveryKinds.Request, request, null, route);
        outbox.Add(messages.ForRequest(delivery, route, request, service), route.JurisdictionId, delivery.Id);
        return delivery;
    }

    /// <summary>
    /// Plans the first attempt for a stored citizen follow-up. It goes to the back office that has (or is getting)
    /// the report, whatever the catalogue says now; null when the report went nowhere and the catalogue names no route.
    /// </summary>
    public async Task<Delivery?> PlanCitizenUpdateAsync(
        RequestUpdate update, ServiceRequest request, Service service, Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        var route = await RouteOfReportAsync(request.Id, cancellationToken) ?? DeliveryRoutes.For(service, jurisdiction);
        if (route is null) return null;
        var delivery = NewDelivery(DeliveryKinds.CitizenUpdate, request, update.Id, route);
        outbox.Add(messages.ForCitizenUpdate(delivery, route, update, request, service), route.JurisdictionId, delivery.Id);
        return delivery;
    }

    /// <summary>Plans the next attempt of a delivery that is due again (a retry or an operator's replay), on the given route.</summary>
    public void PlanNextAttempt(Delivery delivery, DeliveryRoute route, ServiceRequest request, Service service, RequestUpdate? update)
    {
        delivery.Route ??= route;
        delivery.RouteKey ??= route.RouteKey;
        delivery.Attempts++;
        delivery.State = DeliveryStates.InFlight;
        delivery.NextAttemptAt = null;
        delivery.UpdatedAt = clock.GetUtcNow();
        if (delivery.Kind == DeliveryKinds.CitizenUpdate && update is not null)
            outbox.Add(messages.ForCitizenUpdate(delivery, route, update, request, service), route.JurisdictionId, delivery.Id);
        else
            outbox.Add(messages.ForRequest(delivery, route, request, service), route.JurisdictionId, delivery.Id);
    }

    private Task<DeliveryRoute?> RouteOfReportAsync(long requestId, CancellationToken cancellationToken) => db.Deliveries.AsNoTracking()
        .Where(d => d.ServiceRequestId == requestId && d.Kind == DeliveryKinds.Request && d.Route != null)
        .OrderByDescending(d => d.CreatedAt)
        .Select(d => d.Route)
        .FirstOrDefaultAsync(cancellationToken);

    private Delivery NewDelivery(string kind, ServiceRequest request, long? updateId, DeliveryRoute route)
    {
        var now = clock.GetUtcNow();
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            ServiceRequestId = request.Id,
            RequestUpdateId = updateId,
            JurisdictionId = request.JurisdictionId,
            Route = route,
            RouteKey = route.RouteKey,
            State = DeliveryStates.InFlight,
            Attempts = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Deliveries.Add(delivery);
        return delivery;
    }
}
