using System.Globalization;
using System.Net;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>Reports, statuses and follow-ups between our gateway and a second instance of it as the upstream, over the real path.</summary>
public sealed class Open311GatewayUpstreamTests(Open311DeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<Open311DeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_report_reaches_the_upstream_once_with_its_fields_and_our_marker_and_the_upstream_id_becomes_the_external_case_id()
    {
        var id = await bed.PostReportAsync(("description", "Loch vor der Grundschule, Ränder ausgefranst"), ("email", "erika@example.org"),
            ("first_name", "Erika"), ("attribute[TIEFE_CM]", "12"));
        await WaitDeliveredAsync(id);

        var copy = Assert.Single(await bed.Upstream.CopiesOfAsync(id));
        Assert.Equal(TestCatalog.Jurisdiction, copy.JurisdictionId);
        Assert.StartsWith("Loch vor der Grundschule, Ränder ausgefranst\n\n[Ref: gw-teststadt.de-" + id + "-", copy.Description);
        Assert.EndsWith("]", copy.Description);
        Assert.Equal("erika@example.org", copy.Email);
        Assert.Equal("Erika", copy.FirstName);
        Assert.Equal(52.52, copy.Location!.Y, 6);
        Assert.Equal(13.405, copy.Location.X, 6);
        Assert.Equal(["klein"], copy.Attributes["GROESSE"]);
        Assert.Equal(["12"], copy.Attributes["TIEFE_CM"]);
        Assert.Equal(copy.Id.ToString(CultureInfo.InvariantCulture), (await bed.Api.RequestRowAsync(id)).ExternalCaseId);
    }

    [Fact]
    public async Task A_status_the_upstreams_back_office_sets_comes_back_through_the_poll_and_is_public_on_our_side()
    {
        var id = await bed.PostReportAsync(("description", "Status vom Oberzentrum"));
        await WaitDeliveredAsync(id);
        var upstreamId = (await bed.Api.RequestRowAsync(id)).ExternalCaseId!;
        var key = await bed.Upstream.App.CreateBackOfficeKeyAsync();

        var set = DateTime.UtcNow;
        var update = await bed.Upstream.App.PostBackOfficeUpdateAsync(key, upstreamId,
            new { update_id = "bauhof-" + upstreamId, status = "FIXED", status_notes = "Schlagloch verfüllt", agency_responsible = "Bauhof Oberstadt" });
        await update.AssertStatusAsync(HttpStatusCode.OK);

        await bed.WaitUntilAsync(async () => (await bed.Api.RequestRowAsync(id)).Status == "closed", Patience, "the upstream's status is ours");
        output.WriteLine($"status back on our side {(DateTime.UtcNow - set).TotalSeconds:0.0} s after the upstream's back office set it (poll every 1 s)");
        var request = (await (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!;
        Assert.Equal("closed", (string?)request["status"]);
        Assert.Equal("Schlagloch verfüllt", (string?)request["status_notes"]);
        Assert.Equal("Bauhof Oberstadt", (string?)request["agency_responsible"]);
        var updates = await bed.Api.UpdatesOfAsync(id);
        var polled = Assert.Single(updates, u => u.Status == "CLOSED");
        Assert.StartsWith("open311:" + upstreamId + ":", polled.SenderUpdateId);
    }

    [Fact]
    public async Task A_citizens_follow_up_reaches_the_upstreams_servicerequestupdates_once_on_the_upstream_case()
    {
        var id = await bed.PostReportAsync(("description", "Mit Nachtrag nach oben"));
        await WaitDeliveredAsync(id);
        var upstreamId = (await bed.Api.RequestRowAsync(id)).ExternalCaseId!;

        var post = await bed.Api.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", bed.Api.ApiKey), ("service_request_id", id), ("update_id", "fms-" + id),
            ("description", "Das Loch ist größer geworden."), ("email", "erika@example.org"), ("status", "OPEN"));
        await post.AssertStatusAsync(HttpStatusCode.OK);
        var ourUpdateId = (string)(await post.JsonAsync())[0]!["update_id"]!;

        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d => d.Kind == DeliveryKinds.CitizenUpdate
            && d.ServiceRequestId == long.Parse(id, CultureInfo.InvariantCulture) && d.State == DeliveryStates.Delivered), Patience, "the follow-up is delivered");
        var received = Assert.Single(await bed.Upstream.App.UpdatesOfAsync(upstreamId));
        Assert.Equal("Das Loch ist größer geworden.", received.Description);
        Assert.Equal("erika@example.org", received.Email);
        Assert.Equal("OPEN", received.Status);
        Assert.Equal(ourUpdateId, received.SenderUpdateId);
    }

    private Task WaitDeliveredAsync(string id) =>
        bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d => d.ServiceRequestId == long.Parse(id, CultureInfo.InvariantCulture)
            && d.Kind == DeliveryKinds.Request && d.State == DeliveryStates.Delivered), Patience, $"report {id} is delivered");
}
