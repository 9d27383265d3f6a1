using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>
/// Any number of API processes and workers may share one database and one broker (ADR 21): two of each under a
/// burst of reports and status updates, where every report must reach the back office once and every status
/// be stored and applied once, however the requests were spread.
/// </summary>
public sealed class ScaleOutTests(ScaleOutTestBed bed, ITestOutputHelper output) : IClassFixture<ScaleOutTestBed>
{
    private const int Reports = 80;
    private const int Concurrency = 16;

    [Fact]
    public async Task Two_apis_and_two_workers_deliver_every_report_once_and_apply_every_status_once()
    {
        var clock = Stopwatch.StartNew();
        var answers = new ConcurrentBag<(string RequestId, string UpdateId, HttpStatusCode Status, string Body)>();
        var ids = new ConcurrentBag<string>();

        // Report i goes to API i % 2; at once its back office answers twice (IN_PROGRESS, then FIXED), each
        // update sent to both APIs at the same moment, as a back office that retries on another replica would.
        await Parallel.ForEachAsync(Enumerable.Range(0, Reports), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            var id = await bed.PostReportAsync(bed.Apis[i % 2], $"Schlagloch Nr. {i}");
            ids.Add(id);
            // No updated_datetime: each is stamped when it arrives, so FIXED (sent after IN_PROGRESS was answered) is the newer.
            foreach (var (suffix, status) in new[] { ("1", "IN_PROGRESS"), ("2", "FIXED") })
            {
                var update = new { update_id = $"bauhof-{id}-{suffix}", status };
                var sent = await Task.WhenAll(bed.Apis.Select(api => bed.PostStatusAsync(api, id, update)));
                foreach (var response in sent)
                    answers.Add((id, update.update_id, response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        });
        output.WriteLine($"{Reports} reports and {answers.Count} status posts answered after {clock.ElapsedMilliseconds} ms");

        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Count(d => d.State == DeliveryStates.Delivered) == Reports,
            TimeSpan.FromSeconds(30), $"all {Reports} reports are delivered");
        output.WriteLine($"all delivered after {clock.ElapsedMilliseconds} ms");

        Assert.Equal(Reports, ids.Distinct().Count());
        await AssertEveryReportReachedTheBackOfficeOnceAsync(ids);
        await AssertEveryDeliveryTookOneAttemptAsync();
        AssertBothCopiesOfAnUpdateGotTheSameAnswer(answers);
        await AssertEveryStatusWasStoredAndAppliedOnceAsync(ids);
    }

    private async Task AssertEveryReportReachedTheBackOfficeOnceAsync(IEnumerable<string> ids)
    {
        // Held back until the counts settle: a second copy of a message would arrive just after the first.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var received = bed.BackOffice.Received;
        var repeats = received.GroupBy(r => r.IdempotencyKey).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.True(repeats.Count == 0, "Delivered more than once: " + string.Join(", ", repeats));
        Assert.Equal(ids.Order(), received.Select(r => (string)r.Json["service_request_id"]!).Order());
        Assert.All(received, r => Assert.True(r.SignatureValid));
    }

    private async Task AssertEveryDeliveryTookOneAttemptAsync()
    {
        var deliveries = await bed.DeliveriesAsync();
        Assert.Equal(Reports, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStates.Delivered, 1), (d.State, d.Attempts)));
        await using var db = bed.Database.CreateDbContext();
        var outbox = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.All(outbox, row => Assert.Equal((true, 0), (row.SentAt is not null, row.SendAttempts)));
    }

    private static void AssertBothCopiesOfAnUpdateGotTheSameAnswer(IEnumerable<(string RequestId, string UpdateId, HttpStatusCode Status, string Body)> answers)
    {
        var list = answers.ToList();
        Assert.Equal(Reports * 4, list.Count);
        Assert.All(list, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.UpdateId}: {(int)a.Status} {a.Body}"));
        Assert.All(list.GroupBy(a => a.UpdateId), copies => Assert.Single(copies.Select(c => c.Body).Distinct()));
    }

    private async Task AssertEveryStatusWasStoredAndAppliedOnceAsync(IEnumerable<string> ids)
    {
        var rowIds = ids.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        await using var db = bed.Database.CreateDbContext();
        var updates = await db.RequestUpdates.AsNoTracking().Where(u => u.Source == RequestUpdateSources.BackOffice).ToListAsync();
        Assert.Equal(Reports * 2, updates.Count);
        Assert.All(updates.GroupBy(u => u.ServiceRequestId), perReport =>
            Assert.Equal(["IN_PROGRESS", "FIXED"], perReport.OrderBy(u => u.Id).Select(u => u.Status)));
        var requests = await db.ServiceRequests.AsNoTracking().Where(r => rowIds.Contains(r.Id)).ToListAsync();
        Assert.All(requests, r => Assert.Equal(("closed", "FIXED"), (r.Status, r.ExtendedStatus)));

        // What the public sees, from either API: each status once.
        foreach (var api in bed.Apis)
        {
            var listed = await (await api.Client.GetAsync(HttpHelpers.Base + $"servicerequestupdates.json?jurisdiction_id={TestCatalog.Jurisdiction}")).JsonAsync();
            Assert.Equal(Reports * 2, listed.Count());
            Assert.Equal(Reports * 2, listed.Select(u => (string?)u["update_id"]).Distinct().Count());
        }
    }
}
