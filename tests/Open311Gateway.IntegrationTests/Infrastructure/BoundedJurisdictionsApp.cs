using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// Three jurisdictions, two with touching boundaries (<see cref="TestBoundaries"/>), Teststadt with crs EPSG:25833 and a
/// webhook route, so its reports get outbox rows; no dispatcher, so tests read the rows as the API wrote them.
/// </summary>
public sealed class BoundedJurisdictionsApp : GatewayApp
{
    protected override bool WithSecondJurisdiction => true;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Delivery:RunDispatcher", "false")];

    protected override async Task SeedMoreAsync(GatewayDbContext db)
    {
        await TestBoundaries.SetAsync(db, TestCatalog.Jurisdiction, TestBoundaries.Teststadt, 25833);
        await TestBoundaries.SetAsync(db, TestCatalog.SecondJurisdiction, TestBoundaries.Nachbarort);
        await TestBoundaries.AddUnboundedAsync(db);
        await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.DeliveryAdapter, "webhook").SetProperty(j => j.DeliveryEndpoint, "http://127.0.0.1:9/hook"));
    }
}
