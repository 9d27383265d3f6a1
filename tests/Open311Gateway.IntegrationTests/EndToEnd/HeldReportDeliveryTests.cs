using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>Moderation delays only the public: a held report reaches the back office through broker and worker at once.</summary>
public sealed class HeldReportDeliveryTests(DeliveryTestBed bed) : IClassFixture<DeliveryTestBed>
{
    [Fact]
    public async Task A_held_report_is_delivered_to_the_back_office_while_the_public_gets_404()
    {
        await using (var db = bed.Api.Database.CreateDbContext())
            await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction).ExecuteUpdateAsync(set => set.SetProperty(j => j.HoldNewReports, true));

        var id = await bed.PostReportAsync(("description", "Noch nicht freigegeben"));

        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d =>
            d.ServiceRequestId == long.Parse(id, CultureInfo.InvariantCulture) && d.State == DeliveryStates.Delivered), TimeSpan.FromSeconds(60), $"held report {id} is delivered");
        var received = Assert.Single(bed.BackOffice.Received, r => r.IdempotencyKey == id);
        Assert.Equal("Noch nicht freigegeben", (string?)received.Json["description"]);
        Assert.Equal(HttpStatusCode.NotFound, (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).StatusCode);
        await using var check = bed.Api.Database.CreateDbContext();
        Assert.Equal(ModerationStates.Held, await check.ServiceRequests.Where(r => r.Id == long.Parse(id, CultureInfo.InvariantCulture)).Select(r => r.Moderation).SingleAsync());
    }
}
