using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>
/// The webhook path's fault tests against a realtime upstream (a second instance of our gateway): nothing accepted is
/// lost, and the marker lookup keeps a repeat from filing a second upstream request.
/// </summary>
public sealed class Open311GatewayUpstreamFaultTests(Open311DeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<Open311DeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Reports_sent_while_the_upstream_is_down_arrive_once_each_when_it_is_back()
    {
        var ids = new List<string>();
        var postsBefore = bed.Upstream.Faults.ReportPosts;
        bed.Upstream.Faults.Down = true;
        try
        {
            for (var i = 0; i < 3; i++) ids.Add(await bed.PostReportAsync(("description", $"Oberzentrum in Wartung #{i}")));
            await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.Attempts >= 3), Patience, "every report was tried three times");
        }
        finally
        {
            bed.Upstream.Faults.Down = false;
        }

        await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.State == DeliveryStates.Delivered), Patience, "every report is delivered");
        var copies = await CopiesAsync(ids);
        output.WriteLine($"upstream down: attempts per report {string.Join(",", (await DeliveriesOf(ids)).Select(d => d.Attempts))}; " +
            $"upstream requests per report {string.Join(",", copies)}; report POSTs on the wire {bed.Upstream.Faults.ReportPosts - postsBefore} " +
            "(while it was down the marker lookup failed first, so nothing was posted)");
        Assert.All(copies, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Reports_whose_answer_was_in_flight_when_the_worker_was_killed_are_found_by_the_marker_and_not_filed_again()
    {
        var ids = new List<string>();
        // The upstream stores each report at once and holds its answer back: a worker killed now leaves reports upstream it never heard of.
        bed.Upstream.Faults.PostAnswerDelay = TimeSpan.FromSeconds(2);
        int storedAtKill, deliveredAtKill;
        try
        {
            for (var i = 0; i < 8; i++) ids.Add(await bed.PostReportAsync(("description", $"Worker-Absturz #{i}")));
            await bed.WaitUntilAsync(async () => (await CopiesAsync(ids)).Count(n => n > 0) >= 3, Patience, "some reports reached the upstream");
            await bed.Worker.KillAsync();
            storedAtKill = (await CopiesAsync(ids)).Count(n => n > 0);
            deliveredAtKill = (await DeliveriesOf(ids)).Count(d => d.State == DeliveryStates.Delivered);
        }
        finally
        {
            bed.Upstream.Faults.PostAnswerDelay = TimeSpan.Zero;
        }
        await bed.RestartWorkerAsync();

        await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.State == DeliveryStates.Delivered), Patience, "every report is delivered");
        var copies = await CopiesAsync(ids);
        var rescued = bed.Worker.Output.Split('\n').Count(line => line.Contains("found by our marker", StringComparison.Ordinal));
        output.WriteLine($"worker killed with {storedAtKill} of {ids.Count} reports stored upstream and {deliveredAtKill} recorded delivered; " +
            $"after the restart {rescued} found upstream by the marker, upstream requests per report {string.Join(",", copies)}");
        Assert.True(storedAtKill > deliveredAtKill, "the worker died while the upstream had reports it had not heard back about");
        Assert.All(copies, n => Assert.Equal(1, n));
        foreach (var id in ids)
            Assert.Equal((await bed.Upstream.CopiesOfAsync(id)).Single().Id.ToString(CultureInfo.InvariantCulture), (await ExternalCaseId(id)));
    }

    [Fact]
    public async Task A_report_whose_answer_came_too_late_is_found_by_the_marker_on_the_retry_and_not_filed_again()
    {
        // The upstream stores the report, then answers after the worker gave up waiting.
        bed.Upstream.Faults.PostAnswerDelay = TimeSpan.FromSeconds(Open311DeliveryTestBed.TimeoutSeconds + 1);
        string id;
        try
        {
            id = await bed.PostReportAsync(("description", "Oberzentrum antwortet zu spät"));
            await bed.WaitUntilAsync(async () => (await bed.Upstream.CopiesOfAsync(id)).Count > 0, Patience, "the report reached the upstream");
            await bed.WaitUntilAsync(() => Task.FromResult(bed.Worker.Output.Contains("within 3 s", StringComparison.Ordinal)), Patience, "the worker timed out");
        }
        finally
        {
            bed.Upstream.Faults.PostAnswerDelay = TimeSpan.Zero;
        }

        await bed.WaitUntilAsync(async () => (await DeliveriesOf([id])).Single().State == DeliveryStates.Delivered, Patience, "the report is delivered");
        var copies = await bed.Upstream.CopiesOfAsync(id);
        output.WriteLine($"upstream answer later than the {Open311DeliveryTestBed.TimeoutSeconds} s timeout: attempts {(await DeliveriesOf([id])).Single().Attempts}; " +
            $"upstream requests {copies.Count}");
        Assert.Single(copies);
        Assert.Equal(copies[0].Id.ToString(CultureInfo.InvariantCulture), await ExternalCaseId(id));
    }

    [Fact]
    public async Task The_same_message_sent_twice_is_found_upstream_by_the_marker_and_files_no_second_request()
    {
        var id = await bed.PostReportAsync(("description", "Doppelt gesendet nach oben"));
        await bed.WaitUntilAsync(async () => (await DeliveriesOf([id])).Single().State == DeliveryStates.Delivered, Patience, "the report is delivered");
        var deliveryId = (await DeliveriesOf([id])).Single().Id;
        var postsBefore = bed.Upstream.Faults.ReportPosts;

        // As after a crash between the broker's confirm and our commit: the outbox row goes out again, as attempt 1.
        await OutboxRepeat.SendReportAgainAsync(bed.Api, id);

        await bed.WaitUntilAsync(() => Task.FromResult(FoundByMarker(deliveryId)), Patience, "the repeat was answered from the upstream's list");
        var copies = await bed.Upstream.CopiesOfAsync(id);
        output.WriteLine($"same message twice: report POSTs for the repeat {bed.Upstream.Faults.ReportPosts - postsBefore}; upstream requests {copies.Count}");
        Assert.Single(copies);
        Assert.Equal(postsBefore, bed.Upstream.Faults.ReportPosts);
        Assert.Equal(copies[0].Id.ToString(CultureInfo.InvariantCulture), await ExternalCaseId(id));
    }

    private bool FoundByMarker(Guid deliveryId) =>
        bed.Worker.Output.Split('\n').Any(line => line.Contains(deliveryId.ToString(), StringComparison.Ordinal) && line.Contains("found by our marker", StringComparison.Ordinal));

    private async Task<string?> ExternalCaseId(string id)
    {
        await using var db = bed.Api.Database.CreateDbContext();
        return await db.ServiceRequests.Where(r => r.Id == long.Parse(id, CultureInfo.InvariantCulture)).Select(r => r.ExternalCaseId).SingleAsync();
    }

    private async Task<List<int>> CopiesAsync(IEnumerable<string> ids)
    {
        var counts = new List<int>();
        foreach (var id in ids) counts.Add((await bed.Upstream.CopiesOfAsync(id)).Count);
        return counts;
    }

    private async Task<List<Delivery>> DeliveriesOf(IReadOnlyCollection<string> ids) =>
        (await bed.DeliveriesAsync()).Where(d => ids.Contains(d.ServiceRequestId.ToString(CultureInfo.InvariantCulture)) && d.Kind == DeliveryKinds.Request).ToList();
}
