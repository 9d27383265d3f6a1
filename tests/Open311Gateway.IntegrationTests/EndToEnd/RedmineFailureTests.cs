using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd.Redmine;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>
/// The webhook path's fault tests against the real Redmine: nothing accepted is lost, and Redmine gets one issue per
/// report — without an idempotency key, thanks to the look-up by our id before every create.
/// </summary>
public sealed class RedmineFailureTests(RedmineDeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<RedmineDeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Reports_sent_while_Redmine_is_unreachable_arrive_once_each_when_it_is_back()
    {
        bed.Forwarder.Close();
        List<string> ids;
        string? errorWhileDown;
        try
        {
            ids = [];
            for (var i = 0; i < 3; i++) ids.Add(await bed.PostReportAsync(("description", $"Redmine weg #{i}")));
            // Short retries in the worker, then long ones scheduled in PostgreSQL: several attempts each.
            await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.Attempts >= 3), Patience, "every report was tried three times");
            errorWhileDown = (await DeliveriesOf(ids)).First().LastError;
        }
        finally
        {
            bed.Forwarder.Open();
        }
        var attemptsWhileDown = (await DeliveriesOf(ids)).Select(d => d.Attempts).ToList();

        await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.State == DeliveryStates.Delivered), Patience, "every report is delivered");
        var issues = new List<int>();
        foreach (var id in ids) issues.Add((await bed.Admin.IssuesWithOurIdAsync(bed.Project, bed.OurId(id))).Count);
        output.WriteLine($"Redmine unreachable: attempts per report while down {string.Join(",", attemptsWhileDown)}, " +
            $"in all {string.Join(",", (await DeliveriesOf(ids)).Select(d => d.Attempts))}; issues per report {string.Join(",", issues)}; " +
            $"last error while down: {errorWhileDown}");
        Assert.All(issues, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Reports_in_flight_when_the_worker_is_killed_become_one_issue_each_after_it_restarts()
    {
        // Every exchange with Redmine slowed down both ways: the worker is caught with issues created whose answer it
        // has not read yet, which is the window the look-up before create exists for.
        bed.Forwarder.Delay = TimeSpan.FromMilliseconds(400);
        var issuesBefore = await bed.Admin.IssueCountAsync(bed.Project);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++) ids.Add(await bed.PostReportAsync(("description", $"Worker-Absturz #{i}")));
        int issuesAtKill, deliveredAtKill;
        try
        {
            // One quick query per look, so that the kill comes while answers are still on their way back.
            await bed.WaitUntilAsync(async () => await bed.Admin.IssueCountAsync(bed.Project) - issuesBefore >= 2, Patience, "some issues exist in Redmine");
            await bed.Worker.KillAsync();
            issuesAtKill = await bed.Admin.IssueCountAsync(bed.Project) - issuesBefore;
            deliveredAtKill = (await DeliveriesOf(ids)).Count(d => d.State == DeliveryStates.Delivered);
        }
        finally
        {
            bed.Forwarder.Delay = TimeSpan.Zero;
        }
        await bed.RestartWorkerAsync();

        await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.State == DeliveryStates.Delivered), Patience, "every report is delivered");
        var issues = new List<int>();
        foreach (var id in ids) issues.Add((await bed.Admin.IssuesWithOurIdAsync(bed.Project, bed.OurId(id))).Count);
        var foundAgain = Occurrences(bed.Worker.Output, "; none created.");
        output.WriteLine($"worker killed with {issuesAtKill} issues in Redmine and {deliveredAtKill} of {ids.Count} deliveries recorded delivered; " +
            $"after the restart {foundAgain} deliveries found their issue by our id instead of creating one; issues per report {string.Join(",", issues)}");
        Assert.True(deliveredAtKill < ids.Count, "the worker was killed before it had delivered everything");
        Assert.All(issues, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task The_same_message_sent_twice_finds_its_issue_and_creates_no_second()
    {
        var id = await bed.PostReportAsync(("description", "Doppelt gesendet"));
        await bed.WaitUntilAsync(async () => (await DeliveriesOf([id])).Single().State == DeliveryStates.Delivered, Patience, "the report is delivered");
        var before = (await DeliveriesOf([id])).Single();

        // As after a crash between the broker's confirm and our commit: the outbox row goes out again, as attempt 1.
        await OutboxRepeat.SendReportAgainAsync(bed.Api, id);

        var marker = $"already has {bed.OurId(id)}; none created.";
        await bed.WaitUntilAsync(() => Task.FromResult(bed.Worker.Output.Contains(marker, StringComparison.Ordinal)), Patience, "the repeat found the issue");
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the repeat's outcome arrive too
        var issues = await bed.Admin.IssuesWithOurIdAsync(bed.Project, bed.OurId(id));
        var after = (await DeliveriesOf([id])).Single();
        output.WriteLine($"message sent twice: issues with {bed.OurId(id)}: {issues.Count} (#{string.Join(", #", issues.Select(i => (int)i["id"]!))}); " +
            $"attempts {before.Attempts} → {after.Attempts}, state {after.State}");
        Assert.Single(issues);
        Assert.Equal(DeliveryStates.Delivered, after.State);
        Assert.Equal(before.Attempts, after.Attempts);
        Assert.Equal(before.DeliveredAt, after.DeliveredAt);
    }

    private static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private async Task<List<Delivery>> DeliveriesOf(IReadOnlyCollection<string> ids) =>
        (await bed.DeliveriesAsync()).Where(d => ids.Contains(d.ServiceRequestId.ToString(System.Globalization.CultureInfo.InvariantCulture)) && d.Kind == DeliveryKinds.Request).ToList();
}
