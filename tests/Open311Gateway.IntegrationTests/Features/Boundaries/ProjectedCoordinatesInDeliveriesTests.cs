using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Planning;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Boundaries;

/// <summary>The easting and northing a back office gets: computed once when the report is stored, the same in every attempt.</summary>
public sealed class ProjectedCoordinatesInDeliveriesTests(BoundedJurisdictionsApp app) : IClassFixture<BoundedJurisdictionsApp>
{
    // ETRS89 / UTM 33N of 52.52, 13.405 by PostGIS 3.3 / PROJ 9.1; ProjectionReferenceTests ties PostGIS to published points.
    private const double Easting = 391779.259, Northing = 5820072.159;

    [Fact]
    public async Task The_report_row_and_its_message_carry_easting_and_northing_in_the_catalogues_crs_and_a_retry_carries_the_same()
    {
        var posted = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey)));
        var id = long.Parse((string)posted[0]!["service_request_id"]!, CultureInfo.InvariantCulture);

        var row = await Rows.FindAsync(app, id);
        Assert.Equal(25833, row.ProjectedSrid);
        Assert.Equal(Easting, row.Easting!.Value, 0.001);
        Assert.Equal(Northing, row.Northing!.Value, 0.001);
        var first = Assert.Single(await PayloadsAsync(id));
        Assert.Equal(("EPSG:25833", row.Easting, row.Northing), ((string?)first["projectedCrs"], (double?)first["easting"], (double?)first["northing"]));

        // The catalogue changes its crs; the next attempt of the planned delivery still carries the stored numbers.
        await using (var db = app.Database.CreateDbContext())
            await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction).ExecuteUpdateAsync(set => set.SetProperty(j => j.ProjectedSrid, 25832));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Open311Gateway.Api.Data.GatewayDbContext>();
            var delivery = await db.Deliveries.SingleAsync(d => d.ServiceRequestId == id);
            var request = await db.ServiceRequests.Include(r => r.Service).SingleAsync(r => r.Id == id);
            scope.ServiceProvider.GetRequiredService<DeliveryPlanner>().PlanNextAttempt(delivery, delivery.Route!, request, request.Service!, null);
            await db.SaveChangesAsync();
        }
        var attempts = await PayloadsAsync(id);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(2, (int)attempts[1]["attempt"]!);
        Assert.Equal(((string?)first["projectedCrs"], (double?)first["easting"], (double?)first["northing"]),
            ((string?)attempts[1]["projectedCrs"], (double?)attempts[1]["easting"], (double?)attempts[1]["northing"]));
    }

    [Fact]
    public async Task Without_a_point_or_without_a_crs_the_fields_are_null()
    {
        var byAddress = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("jurisdiction_id", "teststadt.de"), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "klein"), ("address_string", "Marktplatz 1")));
        var row = await Rows.FindAsync(app, RowId(byAddress));
        Assert.Equal((null, null, null), (row.ProjectedSrid, row.Easting, row.Northing));

        var neighbour = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("lat", "52.5"), ("long", "13.6")));
        var other = await Rows.FindAsync(app, RowId(neighbour));
        Assert.Equal(("nachbarort.de", null, null), (other.JurisdictionId, other.ProjectedSrid, other.Easting));
    }

    private static long RowId(JToken answer) => long.Parse((string)answer[0]!["service_request_id"]!, CultureInfo.InvariantCulture);

    private async Task<List<JObject>> PayloadsAsync(long requestId)
    {
        await using var db = app.Database.CreateDbContext();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == "Open311Gateway.Contracts.ServiceRequestSubmitted").OrderBy(m => m.Id).ToListAsync();
        return messages.Select(m => JObject.Parse(m.Payload))
            .Where(p => (string?)p["serviceRequestId"] == requestId.ToString(CultureInfo.InvariantCulture)).ToList();
    }
}
