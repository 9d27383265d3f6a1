using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Moderation;

/// <summary>
/// Teststadt holds new reports until released (<c>hold_new_reports: true</c>) and forwards them by webhook. The
/// outbox dispatcher does not run, so the rows the API wrote can be inspected as written.
/// </summary>
public sealed class HeldReportsApp : GatewayApp
{
    public const string Endpoint = "http://127.0.0.1:9/webhook";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Delivery:RunDispatcher", "false")];

    protected override async Task SeedMoreAsync(GatewayDbContext db) =>
        await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.HoldNewReports, true)
            .SetProperty(j => j.DeliveryAdapter, "webhook")
            .SetProperty(j => j.DeliveryEndpoint, Endpoint));
}
