using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.Deliveries.Planning;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// As after a crash between the broker's confirm and the API's commit: a delivered report's message goes out once
/// more, exactly as its last attempt. The sent row itself is gone (a delivery's rows are deleted when it ends, ADR 16),
/// so the same message is built from the stored rows and written to the outbox anew.
/// </summary>
public static class OutboxRepeat
{
    public static async Task SendReportAgainAsync(GatewayApp api, string requestId)
    {
        var id = long.Parse(requestId, CultureInfo.InvariantCulture);
        await using var scope = api.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GatewayDbContext>();
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.ServiceRequestId == id && d.Kind == DeliveryKinds.Request);
        var request = await db.ServiceRequests.AsNoTracking().Include(r => r.Service).SingleAsync(r => r.Id == id);
        var message = services.GetRequiredService<DeliveryMessages>().ForRequest(delivery, delivery.Route!, request, request.Service!);
        services.GetRequiredService<OutboxWriter>().Add(message, delivery.Route!.JurisdictionId, delivery.Id);
        await db.SaveChangesAsync();
        services.GetRequiredService<OutboxSignal>().Notify();
    }
}
