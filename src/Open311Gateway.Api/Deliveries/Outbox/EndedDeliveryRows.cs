using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Deliveries.Outbox;

/// <summary>
/// A delivery's outbox rows carry its payload, personal data included; they must not outlive the delivery (ADR 16).
/// When it ends (delivered, rejected, failed) they are deleted in the same transaction. Nothing needs them again: a
/// replay plans a new attempt whose message is built afresh from the stored report, and a row not sent yet is a
/// repeat the back office no longer needs. A row a dispatcher is sending at this moment is locked by it; the delete
/// waits for its commit.
/// </summary>
public static class EndedDeliveryRows
{
    public static bool HasEnded(Delivery delivery) =>
        delivery.State is DeliveryStates.Delivered or DeliveryStates.Rejected or DeliveryStates.Failed;

    public static Task<int> DeleteAsync(GatewayDbContext db, IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken) =>
        deliveryIds.Count == 0
            ? Task.FromResult(0)
            : db.OutboxMessages.Where(m => m.DeliveryId != null && deliveryIds.Contains(m.DeliveryId.Value)).ExecuteDeleteAsync(cancellationToken);
}
