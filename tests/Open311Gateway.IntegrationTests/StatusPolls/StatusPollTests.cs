using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.StatusPolls;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.StatusPolls;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.StatusPolls;

/// <summary>
/// Polls are claimed once per route, carry the route's open cases, and their answers are applied like pushed statuses:
/// once per update id, never to another jurisdiction's reports, never over a newer state. Tests run one after another
/// on one route (a collection of one class), each starting from a due, unclaimed poll.
/// </summary>
public sealed class StatusPollTests(PolledGatewayFixture fixture) : IClassFixture<PolledGatewayFixture>, IAsyncLifetime
{
    private GatewayApp Api => fixture.Api;

    public async Task InitializeAsync()
    {
        await using var db = Api.Database.CreateDbContext();
        await db.StatusPolls.ExecuteUpdateAsync(p => p
            .SetProperty(x => x.NextPollAt, DateTimeOffset.UtcNow.AddMinutes(-1))
            .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(x => x.OutstandingPollId, (Guid?)null)
            .SetProperty(x => x.Cursor, (string?)null));
        await db.OutboxMessages.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_API_processes_scheduling_at_once_send_one_poll_and_a_claimed_route_is_not_polled_again()
    {
        var scheduled = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(ScheduleAsync)));

        Assert.Equal(1, scheduled.Sum());
        Assert.Single(await PollMessagesAsync());
        Assert.Equal(0, await ScheduleAsync());
    }

    [Fact]
    public async Task A_poll_asks_about_the_open_delivered_reports_of_its_route_only()
    {
        var delivered = await DeliveredReportAsync("UP-1");
        var closed = await DeliveredReportAsync("UP-2");
        var elsewhere = await DeliveredReportAsync("UP-3");
        await using (var db = Api.Database.CreateDbContext())
        {
            await db.ServiceRequests.Where(r => r.Id == closed).ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, "closed"));
            // Delivered before the catalogue moved the route to another upstream: not this back office's case.
            var other = (await db.Deliveries.SingleAsync(d => d.ServiceRequestId == elsewhere)).Route! with { Endpoint = "http://127.0.0.1:9/old/v2" };
            await db.Deliveries.Where(d => d.ServiceRequestId == elsewhere).ExecuteUpdateAsync(d => d.SetProperty(x => x.Route, other));
        }

        await ScheduleAsync();

        var poll = Assert.Single(await PollMessagesAsync());
        Assert.Contains(poll.Cases, c => c.ServiceRequestId == Id(delivered) && c.ExternalCaseId == "UP-1");
        Assert.DoesNotContain(poll.Cases, c => c.ServiceRequestId == Id(closed) || c.ServiceRequestId == Id(elsewhere));
        Assert.Equal(PolledGatewayFixture.Upstream, poll.Route.Endpoint);
    }

    [Fact]
    public async Task An_answer_applies_its_changes_moves_the_cursor_and_ends_the_claim_and_a_resent_answer_changes_nothing()
    {
        var report = await DeliveredReportAsync("UP-10");
        var poll = await ScheduledPollAsync();
        // A back office writes its own offset; the time is the same instant.
        var answer = Answer(poll, "cursor-2",
            Change("open311:UP-10:1", "UP-10", "IN_PROGRESS", "Wird geprüft", BackOfficeHelpers.Now().AddMinutes(-2).ToOffset(TimeSpan.FromHours(1))));

        await RecordAsync(answer);
        await RecordAsync(answer);

        var shown = await ReportAsync(report);
        Assert.Equal(("IN_PROGRESS", "Wird geprüft"), (shown.ExtendedStatus, shown.StatusNotes));
        Assert.Equal(1, await UpdatesOfAsync(report));
        var row = await PollRowAsync();
        Assert.Equal(("cursor-2", null, null), (row.Cursor, row.OutstandingPollId, row.ClaimedUntil));
        // Released, but not due again before its interval has passed.
        Assert.Equal(0, await ScheduleAsync());
    }

    [Fact]
    public async Task The_same_change_read_again_by_a_later_poll_is_recorded_once()
    {
        var report = await DeliveredReportAsync("UP-20");
        var change = Change("open311:UP-20:1", "UP-20", "FIXED", "Erledigt", BackOfficeHelpers.Now().AddMinutes(-1));

        await RecordAsync(Answer(await ScheduledPollAsync(), "c1", change));
        await ReopenPollAsync();
        await RecordAsync(Answer(await ScheduledPollAsync(), "c2", change));

        Assert.Equal(1, await UpdatesOfAsync(report));
        Assert.Equal("closed", (await ReportAsync(report)).Status);
    }

    [Fact]
    public async Task A_change_naming_another_jurisdictions_report_is_not_applied()
    {
        var foreign = await ForeignReportAsync("UP-30");

        await RecordAsync(Answer(await ScheduledPollAsync(), "c1",
            Change("open311:UP-30:1", "UP-30", "FIXED", "Fremd", BackOfficeHelpers.Now()),
            new BackOfficeStatusChange { UpdateId = "open311:x", ServiceRequestId = Id(foreign), Status = "FIXED", ChangedAt = BackOfficeHelpers.Now() }));

        Assert.Equal("OPEN", (await ReportAsync(foreign)).ExtendedStatus);
        Assert.Equal(0, await UpdatesOfAsync(foreign));
    }

    [Fact]
    public async Task An_older_change_is_stored_but_does_not_overwrite_a_newer_state()
    {
        var report = await DeliveredReportAsync("UP-40");
        var now = BackOfficeHelpers.Now();

        await RecordAsync(Answer(await ScheduledPollAsync(), "c1",
            Change("open311:UP-40:2", "UP-40", "FIXED", "Erledigt", now.AddMinutes(-1)),
            Change("open311:UP-40:1", "UP-40", "IN_PROGRESS", "In Arbeit", now.AddMinutes(-5))));

        Assert.Equal("FIXED", (await ReportAsync(report)).ExtendedStatus);
        Assert.Equal(2, await UpdatesOfAsync(report));
    }

    [Fact]
    public async Task A_change_whose_status_the_catalogue_does_not_map_is_skipped_and_the_cursor_still_moves()
    {
        var report = await DeliveredReportAsync("UP-50");

        await RecordAsync(Answer(await ScheduledPollAsync(), "c9",
            new BackOfficeStatusChange { UpdateId = "open311:UP-50:1", ExternalCaseId = "UP-50", ExternalStatus = "geparkt", ChangedAt = BackOfficeHelpers.Now() }));

        Assert.Equal(0, await UpdatesOfAsync(report));
        Assert.Equal("c9", (await PollRowAsync()).Cursor);
    }

    [Fact]
    public async Task A_failed_poll_keeps_the_cursor_records_why_and_releases_the_route()
    {
        var poll = await ScheduledPollAsync();

        await RecordAsync(new StatusPollAnswered
        {
            PollId = poll.PollId, JurisdictionId = TestCatalog.Jurisdiction, AnsweredAt = DateTimeOffset.UtcNow,
            Succeeded = false, Error = "upstream unreachable", Cursor = "never",
        });

        var row = await PollRowAsync();
        Assert.Equal((null, "upstream unreachable", null), (row.Cursor, row.LastError, row.ClaimedUntil));
    }

    [Fact]
    public async Task A_case_whose_upstream_token_resolved_takes_the_upstreams_id()
    {
        var report = await DeliveredReportAsync(PolledChanges.PendingTokenPrefix + "tok-1");

        await RecordAsync(Answer(await ScheduledPollAsync(), "c1") with
        {
            ResolvedCases = [new PolledCase { ServiceRequestId = Id(report), ExternalCaseId = "UP-60" }],
        });

        Assert.Equal("UP-60", (await ReportAsync(report)).ExternalCaseId);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static BackOfficeStatusChange Change(string updateId, string caseId, string status, string notes, DateTimeOffset at) => new()
    {
        UpdateId = updateId, ExternalCaseId = caseId, Status = status, ExternalStatus = status.ToLowerInvariant(), StatusNotes = notes, ChangedAt = at,
    };

    private static StatusPollAnswered Answer(StatusPollRequested poll, string cursor, params BackOfficeStatusChange[] changes) => new()
    {
        PollId = poll.PollId, JurisdictionId = TestCatalog.Jurisdiction, AnsweredAt = DateTimeOffset.UtcNow, Succeeded = true,
        Cursor = cursor, Changes = changes,
    };

    private async Task<int> ScheduleAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StatusPollScheduler>().ScheduleDueAsync(CancellationToken.None);
    }

    private async Task<StatusPollRequested> ScheduledPollAsync()
    {
        Assert.Equal(1, await ScheduleAsync());
        return (await PollMessagesAsync()).Last();
    }

    private async Task RecordAsync(StatusPollAnswered answer)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatusPollAnswerRecorder>().RecordAsync(answer, CancellationToken.None);
    }

    private async Task ReopenPollAsync()
    {
        await using var db = Api.Database.CreateDbContext();
        await db.StatusPolls.ExecuteUpdateAsync(p => p.SetProperty(x => x.NextPollAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
    }

    private async Task<List<StatusPollRequested>> PollMessagesAsync()
    {
        await using var db = Api.Database.CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(StatusPollRequested).FullName).OrderBy(m => m.Id).ToListAsync();
        Assert.All(rows, r => Assert.Equal(DeliveryQueues.ForJurisdiction(TestCatalog.Jurisdiction), r.Destination));
        return rows.Select(r => JsonSerializer.Deserialize<StatusPollRequested>(r.Payload, OutboxWriter.PayloadJson)!).ToList();
    }

    private async Task<StatusPoll> PollRowAsync()
    {
        await using var db = Api.Database.CreateDbContext();
        return await db.StatusPolls.AsNoTracking().SingleAsync();
    }

    /// <summary>A report posted through the API whose delivery the upstream accepted under <paramref name="caseId"/>.</summary>
    private async Task<long> DeliveredReportAsync(string caseId)
    {
        // With jurisdiction_id: another test adds a second jurisdiction, which makes it required.
        var post = await Api.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(Api.ApiKey, ("jurisdiction_id", TestCatalog.Jurisdiction)));
        var id = long.Parse((string)(await post.JsonAsync())[0]!["service_request_id"]!, CultureInfo.InvariantCulture);
        var filed = BackOfficeHelpers.Now().AddDays(-2);
        await using var db = Api.Database.CreateDbContext();
        await db.ServiceRequests.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.RequestedAt, filed).SetProperty(x => x.UpdatedAt, filed));
        await db.Deliveries.Where(d => d.ServiceRequestId == id).ExecuteUpdateAsync(d => d.SetProperty(x => x.State, DeliveryStates.Delivered));
        await db.ServiceRequests.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ExternalCaseId, caseId));
        return id;
    }

    /// <summary>A report of another jurisdiction whose back office happens to use the same case id.</summary>
    private async Task<long> ForeignReportAsync(string caseId)
    {
        await using var db = Api.Database.CreateDbContext();
        if (!await db.Jurisdictions.AnyAsync(j => j.Id == TestCatalog.SecondJurisdiction))
        {
            db.Jurisdictions.Add(new Jurisdiction
            {
                Id = TestCatalog.SecondJurisdiction, Name = "Nachbarort", TimeZone = "Europe/Berlin", ImportedAt = DateTimeOffset.UtcNow,
                Services = [new Service { JurisdictionId = TestCatalog.SecondJurisdiction, Code = "SCHLAGLOCH", Name = "Schlagloch", Type = "realtime" }],
            });
            await db.SaveChangesAsync();
        }
        var service = await db.Services.SingleAsync(s => s.JurisdictionId == TestCatalog.SecondJurisdiction);
        var client = await db.ApiClients.FirstAsync();
        var row = new ServiceRequest
        {
            JurisdictionId = TestCatalog.SecondJurisdiction, ServiceId = service.Id, ApiClientId = client.Id, Status = "open", ExtendedStatus = "OPEN",
            RequestedAt = DateTimeOffset.UtcNow.AddDays(-1), UpdatedAt = DateTimeOffset.UtcNow.AddDays(-1), ExternalCaseId = caseId,
        };
        db.ServiceRequests.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<ServiceRequest> ReportAsync(long id)
    {
        await using var db = Api.Database.CreateDbContext();
        return await db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<int> UpdatesOfAsync(long id)
    {
        await using var db = Api.Database.CreateDbContext();
        return await db.RequestUpdates.CountAsync(u => u.ServiceRequestId == id);
    }
}
