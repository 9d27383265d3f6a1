using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>
/// A jurisdiction switches back office by configuration alone: new reports go to the new one, while retries and
/// follow-ups of a report keep going to the back office that has (or is getting) its case.
/// </summary>
public sealed class RouteSwitchTests(DeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<DeliveryTestBed>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly RecordingBackOffice _newBackOffice = new();

    public Task InitializeAsync() => _newBackOffice.StartAsync();

    public async Task DisposeAsync() => await _newBackOffice.DisposeAsync();

    [Fact]
    public async Task A_report_being_retried_keeps_its_back_office_after_the_switch_and_its_follow_up_goes_there_too()
    {
        var old = bed.BackOffice;
        var marker = "Umschaltung " + Guid.NewGuid();
        old.FailWhenBodyContains(marker, HttpStatusCode.ServiceUnavailable);
        var before = await bed.PostReportAsync(("description", marker + " vorher"));
        await bed.WaitUntilAsync(async () => (await DeliveryOf(before)).Attempts >= 2, Patience, "the first report is being retried");

        await using (var db = bed.Api.Database.CreateDbContext())
            await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction)
                .ExecuteUpdateAsync(j => j.SetProperty(x => x.DeliveryEndpoint, _newBackOffice.Url));
        var after = await bed.PostReportAsync(("description", marker + " nachher"));
        await bed.WaitUntilAsync(async () => (await DeliveryOf(after)).State == DeliveryStates.Delivered, Patience, "the new report reaches the new back office");

        old.StopFailingWhenBodyContains(marker);
        await bed.WaitUntilAsync(async () => (await DeliveryOf(before)).State == DeliveryStates.Delivered, Patience, "the first report reaches its old back office");
        var followUp = await bed.Api.Client.PostFormAsync("servicerequestupdates.json", ("api_key", bed.Api.ApiKey),
            ("service_request_id", before), ("update_id", "nachtrag-" + Guid.NewGuid()), ("description", "Es ist noch schlimmer geworden"));
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        await bed.WaitUntilAsync(() => Task.FromResult(old.Received.Any(r => r.Body.Contains("noch schlimmer"))), Patience, "the follow-up reaches the old back office");

        output.WriteLine($"old back office: {old.Received.Count(r => r.Body.Contains(marker))} POSTs of the first report, case {old.Cases.GetValueOrDefault(before)}; " +
            $"new back office: case {_newBackOffice.Cases.GetValueOrDefault(after)}");
        Assert.True(old.Cases.ContainsKey(before));
        Assert.False(_newBackOffice.Cases.ContainsKey(before));
        Assert.True(_newBackOffice.Cases.ContainsKey(after));
        Assert.False(old.Cases.ContainsKey(after));
        Assert.DoesNotContain(_newBackOffice.Received, r => r.Body.Contains("noch schlimmer"));
    }

    private async Task<Delivery> DeliveryOf(string id) =>
        (await bed.DeliveriesAsync()).Single(d => d.ServiceRequestId == long.Parse(id, System.Globalization.CultureInfo.InvariantCulture) && d.Kind == DeliveryKinds.Request);
}
