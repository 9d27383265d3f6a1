using System.Net;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>Status coming back from the back office, and citizens' follow-ups going out to it, over the real path.</summary>
public sealed class StatusAndFollowUpFlowTests(DeliveryTestBed bed) : IClassFixture<DeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_status_the_back_office_sends_for_a_delivered_report_is_public_in_requests_and_servicerequestupdates()
    {
        var id = await DeliveredReportAsync("Status kommt zurück");
        var key = await bed.Api.CreateBackOfficeKeyAsync();

        var update = await bed.Api.PostBackOfficeUpdateAsync(key, id,
            new { update_id = "bauhof-" + id, status = "FIXED", status_notes = "Schlagloch verfüllt", agency_responsible = "Bauhof Teststadt" });
        await update.AssertStatusAsync(HttpStatusCode.OK);

        var request = (await (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!;
        Assert.Equal("closed", (string?)request["status"]);
        Assert.Equal("Schlagloch verfüllt", (string?)request["status_notes"]);
        Assert.Equal("Bauhof Teststadt", (string?)request["agency_responsible"]);
        var updates = await (await bed.Api.Client.GetOpen311Async("servicerequestupdates.json")).JsonAsync();
        var listed = Assert.Single(updates, u => (string?)u["service_request_id"] == id);
        Assert.Equal("FIXED", (string?)listed["status"]);
        Assert.Equal("Schlagloch verfüllt", (string?)listed["description"]);
    }

    [Fact]
    public async Task A_citizens_follow_up_reaches_the_back_office_once_with_the_case_it_belongs_to()
    {
        var id = await DeliveredReportAsync("Mit Nachtrag");
        var caseId = bed.BackOffice.Cases[id];

        var post = await bed.Api.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", bed.Api.ApiKey), ("service_request_id", id), ("update_id", "fms-" + id),
            ("description", "Das Loch ist größer geworden."), ("email", "erika@example.org"), ("status", "OPEN"));
        await post.AssertStatusAsync(HttpStatusCode.OK);
        var updateId = (string)(await post.JsonAsync())[0]!["update_id"]!;

        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d => d.Kind == DeliveryKinds.CitizenUpdate
            && d.ServiceRequestId == long.Parse(id) && d.State == DeliveryStates.Delivered), Patience, "the follow-up is delivered");
        var received = Assert.Single(bed.BackOffice.Received, r => r.IdempotencyKey == "update-" + updateId);
        Assert.True(received.SignatureValid);
        Assert.Equal(caseId, (string?)received.Json["external_case_id"]);
        Assert.Equal(id, (string?)received.Json["service_request_id"]);
        Assert.Equal("Das Loch ist größer geworden.", (string?)received.Json["description"]);
        Assert.Equal("erika@example.org", (string?)received.Json["contact"]!["email"]);
    }

    private async Task<string> DeliveredReportAsync(string description)
    {
        var id = await bed.PostReportAsync(("description", description));
        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d => d.ServiceRequestId == long.Parse(id) && d.State == DeliveryStates.Delivered),
            Patience, $"report {id} is delivered");
        return id;
    }
}
