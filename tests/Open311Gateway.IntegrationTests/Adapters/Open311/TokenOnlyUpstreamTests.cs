using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>
/// Against a batch upstream that speaks XML only and answers with tokens: the token becomes an id through the poll,
/// statuses come back mapped, and the webhook path's faults lose nothing. Where the token hides the request (it is in no
/// list until it resolves) a repeat can file a second one: the window specs/adapters.md states, measured here.
/// </summary>
public sealed class TokenOnlyUpstreamTests(TokenOnlyDeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<TokenOnlyDeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Resolving = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_report_known_only_by_its_token_gets_its_id_through_the_poll_and_its_statuses_come_back_mapped()
    {
        bed.Upstream.ResolveAfter = TimeSpan.FromHours(1);
        var id = await bed.PostReportAsync(("description", "Sperrmüll am Wertstoffhof"));
        await WaitDeliveredAsync([id]);

        var copy = Assert.Single(bed.Upstream.CopiesOf(id));
        Assert.Equal("SCHLAGLOCH", copy.ServiceCode);
        Assert.Equal(TokenOnlyUpstream.Key, Assert.Single(copy.Form["api_key"]));
        Assert.Equal("klein", Assert.Single(copy.Form["attribute[GROESSE]"]));
        Assert.Equal("token:" + copy.Token, (await bed.Api.RequestRowAsync(id)).ExternalCaseId);

        bed.Upstream.ResolveAll();
        await bed.WaitUntilAsync(async () => (await bed.Api.RequestRowAsync(id)).ExternalCaseId == copy.Id, Patience, "the poll resolved the token");

        bed.Upstream.SetStatus(copy.Id, "open", "Kolonne ist unterwegs", detailedStatus: "IN_PROCESS");
        await bed.WaitUntilAsync(async () => (await bed.Api.RequestRowAsync(id)).ExtendedStatus == "IN_PROGRESS", Patience, "IN_PROCESS arrived as IN_PROGRESS");
        bed.Upstream.SetStatus(copy.Id, "closed", "Abgeholt");
        await bed.WaitUntilAsync(async () => (await bed.Api.RequestRowAsync(id)).ExtendedStatus == "FIXED", Patience, "closed arrived as FIXED");

        var request = (await (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!;
        Assert.Equal("closed", (string?)request["status"]);
        Assert.Equal("Abgeholt", (string?)request["status_notes"]);
        Assert.Equal("Stadtreinigung", (string?)request["agency_responsible"]);
        Assert.Equal(["IN_PROGRESS", "FIXED"], (await bed.Api.UpdatesOfAsync(id)).Select(u => u.Status));
    }

    [Fact]
    public async Task Reports_sent_while_the_upstream_answers_503_arrive_once_each_when_it_is_back()
    {
        bed.Upstream.ResolveAfter = Resolving;
        var ids = new List<string>();
        var postsBefore = bed.Upstream.Posts;
        bed.Upstream.Down = true;
        try
        {
            for (var i = 0; i < 3; i++) ids.Add(await bed.PostReportAsync(("description", $"Batch-Server in Wartung #{i}")));
            await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.Attempts >= 3), Patience, "every report was tried three times");
        }
        finally
        {
            bed.Upstream.Down = false;
        }

        await WaitDeliveredAsync(ids);
        var copies = ids.Select(id => bed.Upstream.CopiesOf(id).Count).ToList();
        output.WriteLine($"batch upstream down: attempts per report {string.Join(",", (await DeliveriesOf(ids)).Select(d => d.Attempts))}; " +
            $"POSTs that reached it {bed.Upstream.Posts - postsBefore} (the lookup failed first while it was down); upstream requests per report {string.Join(",", copies)}");
        Assert.All(copies, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task Reports_in_flight_when_the_worker_is_killed_are_found_by_the_marker_once_their_tokens_have_resolved()
    {
        var (ids, storedAtKill, deliveredAtKill) = await KillWorkerWithAnswersInFlightAsync(TimeSpan.FromHours(1));
        bed.Upstream.ResolveAll(); // the upstream's batch run has happened before the worker is back
        await bed.RestartWorkerAsync();

        await WaitDeliveredAsync(ids);
        var copies = ids.Select(id => bed.Upstream.CopiesOf(id).Count).ToList();
        output.WriteLine($"batch upstream, tokens resolved before the restart: worker killed with {storedAtKill.Count} of {ids.Count} stored upstream, " +
            $"{deliveredAtKill} recorded delivered; upstream requests per report {string.Join(",", copies)}");
        Assert.True(storedAtKill.Count > deliveredAtKill, "the worker died while the upstream had reports it had not heard back about");
        Assert.All(copies, n => Assert.Equal(1, n));
        // Found by the marker: the listed request's id at once. Posted only after the restart: a token (not resolved this time).
        foreach (var id in ids)
        {
            var copy = bed.Upstream.CopiesOf(id).Single();
            Assert.Equal(storedAtKill.Contains(id) ? copy.Id : "token:" + copy.Token, (await bed.Api.RequestRowAsync(id)).ExternalCaseId);
        }
    }

    [Fact]
    public async Task Reports_in_flight_when_the_worker_is_killed_while_their_tokens_are_unresolved_are_filed_a_second_time_the_stated_window()
    {
        var (ids, storedAtKill, deliveredAtKill) = await KillWorkerWithAnswersInFlightAsync(TimeSpan.FromHours(1));
        await bed.RestartWorkerAsync();

        await WaitDeliveredAsync(ids);
        var copies = ids.Select(id => bed.Upstream.CopiesOf(id).Count).ToList();
        output.WriteLine($"batch upstream, tokens unresolved at the restart: worker killed with {storedAtKill.Count} of {ids.Count} stored upstream, " +
            $"{deliveredAtKill} recorded delivered; upstream requests per report {string.Join(",", copies)}");
        Assert.Equal(0, deliveredAtKill);
        // Exactly the reports the upstream had, hidden behind a token, when the repeat looked: nothing else doubles, nothing is lost.
        Assert.Equal(ids.Select(id => storedAtKill.Contains(id) ? 2 : 1), copies);
        bed.Upstream.ResolveAll();
    }

    // Several reports posted at once; the upstream stores each at once and holds its answer back; the worker dies then.
    private async Task<(List<string> Ids, HashSet<string> StoredAtKill, int DeliveredAtKill)> KillWorkerWithAnswersInFlightAsync(TimeSpan resolveAfter)
    {
        bed.Upstream.ResolveAfter = resolveAfter;
        bed.Upstream.AnswerDelay = TimeSpan.FromSeconds(3);
        try
        {
            var ids = new List<string>();
            for (var i = 0; i < 6; i++) ids.Add(await bed.PostReportAsync(("description", $"Batch-Absturz {Guid.NewGuid():N} #{i}")));
            await bed.WaitUntilAsync(() => Task.FromResult(ids.Count(id => bed.Upstream.CopiesOf(id).Count > 0) >= 2), Patience, "some reports reached the upstream");
            await bed.Worker.KillAsync();
            var stored = ids.Where(id => bed.Upstream.CopiesOf(id).Count > 0).ToHashSet();
            return (ids, stored, (await DeliveriesOf(ids)).Count(d => d.State == DeliveryStates.Delivered));
        }
        finally
        {
            bed.Upstream.AnswerDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task The_same_message_sent_twice_after_the_token_resolved_is_found_by_the_marker_and_files_nothing_new()
    {
        bed.Upstream.ResolveAfter = TimeSpan.Zero;
        var id = await bed.PostReportAsync(("description", "Doppelt, Token schon aufgelöst"));
        await WaitDeliveredAsync([id]);
        var copy = Assert.Single(bed.Upstream.CopiesOf(id));
        Assert.Equal(copy.Id, (await bed.Api.RequestRowAsync(id)).ExternalCaseId); // resolved in the same delivery
        var postsBefore = bed.Upstream.Posts;

        await ResendOutboxRowAsync(id);
        var deliveryId = (await DeliveriesOf([id])).Single().Id;
        await bed.WaitUntilAsync(() => Task.FromResult(bed.Worker.Output.Split('\n').Any(l => l.Contains(deliveryId.ToString()) && l.Contains("found by our marker"))),
            Patience, "the repeat was answered from the upstream's list");

        output.WriteLine($"same message twice, token resolved: POSTs for the repeat {bed.Upstream.Posts - postsBefore}; upstream requests {bed.Upstream.CopiesOf(id).Count}");
        Assert.Single(bed.Upstream.CopiesOf(id));
        Assert.Equal(postsBefore, bed.Upstream.Posts);
    }

    [Fact]
    public async Task The_same_message_sent_twice_while_the_token_is_unresolved_files_a_second_request_the_stated_window()
    {
        bed.Upstream.ResolveAfter = TimeSpan.FromHours(1);
        var id = await bed.PostReportAsync(("description", "Doppelt, Token noch offen"));
        await WaitDeliveredAsync([id]);

        await ResendOutboxRowAsync(id);
        await bed.WaitUntilAsync(() => Task.FromResult(bed.Upstream.CopiesOf(id).Count == 2), Patience, "the repeat reached the upstream");

        output.WriteLine($"same message twice, token unresolved: upstream requests {bed.Upstream.CopiesOf(id).Count} (the batch upstream lists neither yet)");
        Assert.Equal(2, bed.Upstream.CopiesOf(id).Count);
        bed.Upstream.ResolveAll();
    }

    private async Task ResendOutboxRowAsync(string id)
    {
        // As after a crash between the broker's confirm and our commit: the outbox row goes out again, as attempt 1.
        await OutboxRepeat.SendReportAgainAsync(bed.Api, id);
    }

    private Task WaitDeliveredAsync(IReadOnlyCollection<string> ids) =>
        bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).Count == ids.Count && (await DeliveriesOf(ids)).All(d => d.State == DeliveryStates.Delivered),
            Patience, "every report is delivered");

    private async Task<List<Delivery>> DeliveriesOf(IReadOnlyCollection<string> ids) =>
        (await bed.DeliveriesAsync()).Where(d => ids.Contains(d.ServiceRequestId.ToString(CultureInfo.InvariantCulture)) && d.Kind == DeliveryKinds.Request).ToList();
}
