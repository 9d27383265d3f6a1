using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>
/// Any number of API processes and workers may share one database and one broker (ADR 21): two of each under a
/// burst of reports and status updates, where every report must reach the back office once and every status
/// be stored and applied once, however the requests were spread.
/// </summary>
public sealed partial class ScaleOutTests(ScaleOutTestBed bed, ITestOutputHelper output) : IClassFixture<ScaleOutTestBed>
{
    private const int Reports = 80;
    private const int Concurrency = 16;

    [Fact]
    public async Task Two_apis_and_two_workers_deliver_every_report_once_and_apply_every_status_once()
    {
        // Both workers compete for the jurisdiction's queue, both APIs for the outcomes coming back.
        Assert.Equal(2u, await bed.ConsumerCountAsync(DeliveryQueues.ForJurisdiction(TestCatalog.Jurisdiction)));
        Assert.Equal(2u, await bed.ConsumerCountAsync(DeliveryQueues.Outcomes));
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

        // Each worker took its share (the worker logs every delivered attempt).
        var perWorker = bed.Workers.Select(w => w.Output.Split('\n').Count(l => l.Contains(": Delivered, HTTP", StringComparison.Ordinal))).ToList();
        output.WriteLine($"delivered by worker 0: {perWorker[0]}, by worker 1: {perWorker[1]}");
        Assert.All(perWorker, count => Assert.True(count > 0, $"A worker delivered nothing: {string.Join(", ", perWorker)}"));

        Assert.Equal(Reports, ids.Distinct().Count());
        await AssertEveryReportOpenedOneCaseAndWentAgainOnlyAfterAFailureAsync(ids.ToList());
        await AssertOneDeliveryPerReportEndedDeliveredAndNothingIsLeftInTheOutboxAsync();
        AssertBothCopiesOfAnUpdateGotTheSameAnswer(answers);
        await AssertEveryStatusWasStoredAndAppliedOnceAsync(ids);
    }

    private async Task AssertEveryReportOpenedOneCaseAndWentAgainOnlyAfterAFailureAsync(IReadOnlyCollection<string> ids)
    {
        // Held back until the counts settle: a second copy of a message would arrive just after the first.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var received = bed.BackOffice.Received;
        Assert.All(received, r => Assert.True(r.SignatureValid));
        Assert.All(received, r => Assert.Equal(r.IdempotencyKey, (string?)r.Json["service_request_id"]));
        Assert.Equal(ids.Order(), bed.BackOffice.Cases.Keys.Order());

        // The path is at least once on the wire (ADR 6): a report goes again, with the same Idempotency-Key, only after
        // a failure — a worker's attempt that got no answer in time (it retries at once), or a broker's confirm that came
        // too late (the row is sent again next round). A repeat that no failure explains is a real double: two
        // processes sent the same outbox row.
        var repeats = received.GroupBy(r => r.IdempotencyKey).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unexplained = repeats.Except(await ReportsAWorkerRetriedAsync()).ToList();
        var failedSends = FailedOutboxSends();
        output.WriteLine($"{received.Count} POSTs for {ids.Count} reports; {repeats.Count} sent more than once, "
            + $"{repeats.Count - unexplained.Count} after a worker's retry; {failedSends} outbox sends failed");
        if (repeats.Count > 0) output.WriteLine(await WhatHappenedAsync());
        Assert.True(unexplained.Count <= failedSends,
            $"Delivered more than once with no failure to explain it: {string.Join(", ", unexplained)}\n{await WhatHappenedAsync()}");
    }

    /// <summary>Reports whose delivery took a second attempt, or that a worker retried at once (it logs each short retry).</summary>
    private async Task<HashSet<string>> ReportsAWorkerRetriedAsync()
    {
        var workerLogs = string.Join("\n", bed.Workers.Select(w => w.Output)).Split('\n').Where(l => l.Contains("short retry", StringComparison.Ordinal)).ToList();
        return (await bed.DeliveriesAsync())
            .Where(d => d.Attempts > 1 || workerLogs.Any(l => l.Contains(d.Id.ToString(), StringComparison.Ordinal)))
            .Select(d => d.ServiceRequestId.ToString(CultureInfo.InvariantCulture))
            .ToHashSet();
    }

    /// <summary>
    /// Outbox sends that failed, from the dispatchers' logs ("3 of 100 outbox messages not sent"): the rows themselves
    /// are deleted with their ended delivery (ADR 16), so the log is what is left of them.
    /// </summary>
    private int FailedOutboxSends() => bed.Apis
        .SelectMany(a => NotSentLine().Matches(a.Output))
        .Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex("([0-9]+) of [0-9]+ outbox messages not sent")]
    private static partial Regex NotSentLine();

    /// <summary>Deliveries that took more than one attempt, outbox rows still there, and every process's warnings: why a report went twice.</summary>
    private async Task<string> WhatHappenedAsync()
    {
        await using var db = bed.Database.CreateDbContext();
        var deliveries = (await bed.DeliveriesAsync()).Where(d => d.Attempts != 1).Select(d => $"delivery of {d.ServiceRequestId}: {d.State}, {d.Attempts} attempts, {d.LastError}");
        var rows = (await db.OutboxMessages.AsNoTracking().Where(o => o.SendAttempts > 0 || o.SentAt == null).ToListAsync())
            .Select(o => $"outbox row {o.Id} ({o.MessageType}): sent {o.SentAt:O}, {o.SendAttempts} failed sends, {o.LastError}");
        var logs = bed.Apis.Select((a, i) => ($"API {i}", a.Output)).Concat(bed.Workers.Select((w, i) => ($"worker {i}", w.Output)))
            .SelectMany(p => Warnings(p.Output).Select(w => $"{p.Item1}: {w}"));
        return string.Join("\n", deliveries.Concat(rows).Concat(logs));
    }

    /// <summary>A process's warnings and errors with the lines that belong to them (the console logger indents them),
    /// less the duplicate-key errors that the second copy of each status update meets on purpose.</summary>
    private static IEnumerable<string> Warnings(string log)
    {
        var entries = new List<string>();
        var inWarning = false;
        foreach (var line in log.Split('\n'))
        {
            if (!line.StartsWith(' ')) inWarning = line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal);
            if (!line.StartsWith(' ') && inWarning) entries.Add(line);
            else if (inWarning && entries[^1].Length < 1500) entries[^1] += " | " + line.Trim();
            else if (line.Contains("short retry", StringComparison.Ordinal)) entries.Add(line.Trim());
        }
        return entries.Where(e => !e.Contains("ix_request_updates", StringComparison.Ordinal)).Take(40);
    }

    private async Task AssertOneDeliveryPerReportEndedDeliveredAndNothingIsLeftInTheOutboxAsync()
    {
        var deliveries = await bed.DeliveriesAsync();
        Assert.Equal(Reports, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStates.Delivered, d.State));
        // A delivered report's outbox rows are deleted with it: none may be left waiting, or parked.
        await using var db = bed.Database.CreateDbContext();
        Assert.Empty(await db.OutboxMessages.AsNoTracking().Select(o => $"{o.Id} {o.MessageType} sent {o.SentAt:O} parked {o.ParkedAt:O}").ToListAsync());
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
