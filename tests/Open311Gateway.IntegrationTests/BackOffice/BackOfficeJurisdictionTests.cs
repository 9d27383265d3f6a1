using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.BackOffice;

/// <summary>Two municipalities on one gateway: each back office sees and changes only its own reports.</summary>
public sealed class BackOfficeJurisdictionTests(TwoJurisdictionsApp app) : IClassFixture<TwoJurisdictionsApp>
{
    [Fact]
    public async Task A_back_office_key_gets_404_for_another_jurisdictions_report_just_as_for_none()
    {
        var teststadtKey = await app.CreateBackOfficeKeyAsync(TestCatalog.Jurisdiction);
        var neighbours = await InsertNeighbourReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(teststadtKey, neighbours, new { update_id = "FREMD", status = "FIXED" });
        var unknown = await app.PostBackOfficeUpdateAsync(teststadtKey, "999999999", new { update_id = "FREMD", status = "FIXED" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var error = Assert.Single((JArray)await response.JsonAsync());
        Assert.Equal($"Unknown service_request_id '{neighbours}'.", (string)error["description"]!);
        Assert.Empty(await app.UpdatesOfAsync(neighbours));
        Assert.Equal("OPEN", (await app.RequestRowAsync(neighbours)).ExtendedStatus);
    }

    [Fact]
    public async Task The_neighbours_own_back_office_may_update_it()
    {
        var neighbourKey = await app.CreateBackOfficeKeyAsync(TestCatalog.SecondJurisdiction);
        var neighbours = await InsertNeighbourReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(neighbourKey, neighbours, new { update_id = "EIGEN", status = "FIXED" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("jurisdiction:nachbarort.de", Assert.Single(await app.UpdatesOfAsync(neighbours)).Sender);
    }

    [Fact]
    public async Task The_same_update_id_from_two_back_offices_is_two_updates()
    {
        var teststadtKey = await app.CreateBackOfficeKeyAsync(TestCatalog.Jurisdiction);
        var neighbourKey = await app.CreateBackOfficeKeyAsync(TestCatalog.SecondJurisdiction);
        var ours = await app.PostReportInTeststadtAsync();
        var neighbours = await InsertNeighbourReportAsync();

        await (await app.PostBackOfficeUpdateAsync(teststadtKey, ours, new { update_id = "1", status = "FIXED" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await app.PostBackOfficeUpdateAsync(neighbourKey, neighbours, new { update_id = "1", status = "CANCELLED" })).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("FIXED", (await app.RequestRowAsync(ours)).ExtendedStatus);
        Assert.Equal("CANCELLED", (await app.RequestRowAsync(neighbours)).ExtendedStatus);
    }

    [Fact]
    public async Task Servicerequestupdates_lists_only_the_asked_jurisdictions_updates()
    {
        var neighbourKey = await app.CreateBackOfficeKeyAsync(TestCatalog.SecondJurisdiction);
        var neighbours = await InsertNeighbourReportAsync();
        await (await app.PostBackOfficeUpdateAsync(neighbourKey, neighbours, new { update_id = "LISTE", status = "FIXED" })).AssertStatusAsync(HttpStatusCode.OK);

        var teststadt = await (await app.Client.GetOpen311Async("servicerequestupdates.json?jurisdiction_id=teststadt.de")).JsonAsync();
        var nachbarort = await (await app.Client.GetOpen311Async("servicerequestupdates.json?jurisdiction_id=nachbarort.de")).JsonAsync();
        var neither = await app.Client.GetOpen311Async("servicerequestupdates.json");

        Assert.DoesNotContain(teststadt, u => (string)u["service_request_id"]! == neighbours);
        Assert.Contains(nachbarort, u => (string)u["service_request_id"]! == neighbours);
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
    }

    // Written straight into the database: the test is about who may update a report, not how it was filed.
    private async Task<string> InsertNeighbourReportAsync()
    {
        await using var db = app.Database.CreateDbContext();
        var service = await db.Services.SingleAsync(s => s.JurisdictionId == TestCatalog.SecondJurisdiction && s.Code == "SCHLAGLOCH");
        var client = await db.ApiClients.OrderBy(c => c.Id).FirstAsync();
        var filed = DateTimeOffset.UtcNow.AddDays(-1);
        var request = new ServiceRequest
        {
            JurisdictionId = TestCatalog.SecondJurisdiction, ServiceId = service.Id, ApiClientId = client.Id,
            Status = "open", ExtendedStatus = "OPEN", RequestedAt = filed, UpdatedAt = filed, AddressString = "Dorfstraße 1",
        };
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id.ToString(CultureInfo.InvariantCulture);
    }
}
