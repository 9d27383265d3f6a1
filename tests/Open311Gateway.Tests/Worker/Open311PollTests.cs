using System.Globalization;
using System.Net;
using System.Text.Json;
using Open311Gateway.Contracts.StatusPolls;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Tests.Worker;

/// <summary>Status polls of an upstream: by id in batches, or by updated_after; tokens resolved; upstream states mapped.</summary>
public class Open311PollTests
{
    private static PolledCase Case(string ours, string theirs) => new() { ServiceRequestId = ours, ExternalCaseId = theirs };

    private static string Request(string id, string status, string? notes = null, string? updated = "2026-07-01T10:00:00+02:00",
        string requested = "2026-06-30T08:00:00+02:00", string? detailed = null, string? description = null, string? agency = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["service_request_id"] = id, ["status"] = status, ["status_notes"] = notes, ["agency_responsible"] = agency,
            ["description"] = description, ["requested_datetime"] = requested, ["updated_datetime"] = updated,
            ["extended_attributes"] = detailed is null ? null : new Dictionary<string, string> { ["detailed_status"] = detailed },
        });

    private static async Task<PollResult> Poll(StubUpstream upstream, StatusPollRequested poll)
    {
        await using var provider = Open311TestServices.Create(upstream);
        return await provider.Poller().PollAsync(poll, CancellationToken.None);
    }

    [Fact]
    public async Task Cases_are_asked_by_id_in_batches_of_at_most_50_and_each_change_names_our_report_and_theirs()
    {
        var cases = Enumerable.Range(1, 120).Select(i => Case(i.ToString(CultureInfo.InvariantCulture), "UP-" + i)).ToList();
        var upstream = new StubUpstream((request, _) =>
        {
            var ids = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query)["service_request_id"]!.Split(',');
            // Answers for every id it was asked, and one it was not (an upstream that ignores the filter).
            return StubUpstream.Json(HttpStatusCode.OK, "[" + string.Join(",", ids.Append("UP-999").Select(id => Request(id, "closed", "Erledigt"))) + "]");
        });

        var result = await Poll(upstream, Open311TestServices.Poll(cases, null, ("jurisdiction_id", "bonn")));

        Assert.True(result.Succeeded, result.Error);
        var gets = upstream.To(HttpMethod.Get, "requests.json");
        Assert.Equal([50, 50, 20], gets.Select(g => g.Query("service_request_id")!.Split(',').Length));
        Assert.All(gets, g => Assert.Equal("bonn", g.Query("jurisdiction_id")));
        Assert.Equal(120, result.Changes.Count);
        var first = result.Changes.Single(c => c.ExternalCaseId == "UP-7");
        Assert.Equal("7", first.ServiceRequestId);
        Assert.Equal("CLOSED", first.Status);
        Assert.Equal("closed", first.ExternalStatus);
        Assert.Equal("Erledigt", first.StatusNotes);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), first.ChangedAt);
        Assert.StartsWith("open311:UP-7:", first.UpdateId);
        Assert.Null(result.Cursor);
        Assert.Empty(result.ResolvedCases);
    }

    [Fact]
    public async Task The_catalogues_status_map_decides_the_detailed_status_first_and_open_and_closed_mean_what_they_say_otherwise()
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Json(HttpStatusCode.OK, "[" + string.Join(",",
            Request("UP-1", "open", detailed: "IN_PROCESS", agency: "Tiefbauamt"),
            Request("UP-2", "closed", detailed: "WONT_FIX", notes: "Privatgrund"),
            Request("UP-3", "open", notes: "Angesehen", updated: "2026-07-01T09:00:00+02:00"),
            Request("UP-4", "archived", updated: "2026-07-01T11:00:00+02:00")) + "]"));
        var poll = Open311TestServices.Poll([Case("1", "UP-1"), Case("2", "UP-2"), Case("3", "UP-3"), Case("4", "UP-4")]);
        poll = poll with { Route = poll.Route with { StatusMap = new Dictionary<string, string> { ["in_process"] = "IN_PROGRESS", ["WONT_FIX"] = "NOT_COUNCILS_RESPONSIBILITY" } } };

        var result = await Poll(upstream, poll);

        var byId = result.Changes.ToDictionary(c => c.ExternalCaseId!);
        Assert.Equal(("IN_PROGRESS", "IN_PROCESS", "Tiefbauamt"), (byId["UP-1"].Status, byId["UP-1"].ExternalStatus, byId["UP-1"].AgencyResponsible));
        Assert.Equal(("NOT_COUNCILS_RESPONSIBILITY", "WONT_FIX"), (byId["UP-2"].Status, byId["UP-2"].ExternalStatus));
        Assert.Equal(("OPEN", "Angesehen"), (byId["UP-3"].Status, byId["UP-3"].StatusNotes));
        // Unmapped: sent all the same, so the API can tell the operator which status the catalogue lacks.
        Assert.Equal((null, "archived"), (byId["UP-4"].Status, byId["UP-4"].ExternalStatus));
        Assert.Equal(["UP-3", "UP-1", "UP-2", "UP-4"], result.Changes.Select(c => c.ExternalCaseId)); // oldest first
    }

    [Fact]
    public async Task A_request_still_as_it_was_filed_is_no_change_and_the_same_state_read_twice_is_the_same_update()
    {
        var notes = "Wird geprüft";
        var upstream = new StubUpstream((_, _) => StubUpstream.Json(HttpStatusCode.OK, "[" + string.Join(",",
            Request("UP-1", "open", updated: "2026-06-30T08:00:00+02:00"),
            Request("UP-2", "open", updated: null),
            Request("UP-3", "open", notes: notes)) + "]"));
        var poll = Open311TestServices.Poll([Case("1", "UP-1"), Case("2", "UP-2"), Case("3", "UP-3")]);

        var once = await Poll(upstream, poll);
        var twice = await Poll(upstream, poll);
        notes = "Auftrag an den Bauhof";
        var changed = await Poll(upstream, poll);

        Assert.Equal("UP-3", Assert.Single(once.Changes).ExternalCaseId);
        Assert.Equal(once.Changes[0].UpdateId, Assert.Single(twice.Changes).UpdateId);
        Assert.NotEqual(once.Changes[0].UpdateId, Assert.Single(changed.Changes).UpdateId);
    }

    [Fact]
    public async Task A_request_without_an_update_time_is_dated_by_its_request_time()
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Xml(HttpStatusCode.OK, """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests><request><service_request_id>UP-1</service_request_id><status>closed</status>
            <requested_datetime>2026-06-30T08:00:00</requested_datetime></request></service_requests>
            """));

        var result = await Poll(upstream, Open311TestServices.Poll([Case("1", "UP-1")], null, ("format", "xml")));

        // Written without an offset: taken as the jurisdiction's local time (summer, +02:00).
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 6, 0, 0, TimeSpan.Zero), Assert.Single(result.Changes).ChangedAt);
        Assert.Single(upstream.To(HttpMethod.Get, "requests.xml"));
    }

    [Fact]
    public async Task Cases_named_by_a_token_are_resolved_their_ids_come_back_and_their_states_are_read_with_the_others()
    {
        var upstream = new StubUpstream((request, _) => request.RequestUri!.AbsolutePath switch
        {
            var p when p.EndsWith("/tokens/t-ok.json") => StubUpstream.Json(HttpStatusCode.OK, """[{"service_request_id":"UP-5","token":"t-ok"}]"""),
            var p when p.EndsWith("/tokens/t-later.json") => StubUpstream.Json(HttpStatusCode.NotFound, """[{"code":404,"description":"not yet"}]"""),
            _ => StubUpstream.Json(HttpStatusCode.OK, "[" + Request("UP-5", "closed") + "," + Request("UP-1", "closed", notes: "x") + "]"),
        });

        var result = await Poll(upstream, Open311TestServices.Poll([Case("1", "UP-1"), Case("5", "token:t-ok"), Case("6", "token:t-later")]));

        Assert.True(result.Succeeded, result.Error);
        var resolved = Assert.Single(result.ResolvedCases);
        Assert.Equal(("5", "UP-5"), (resolved.ServiceRequestId, resolved.ExternalCaseId));
        Assert.Equal("UP-1,UP-5", Assert.Single(upstream.To(HttpMethod.Get, "requests.json")).Query("service_request_id"));
        Assert.Equal("5", result.Changes.Single(c => c.ExternalCaseId == "UP-5").ServiceRequestId);
    }

    [Fact]
    public async Task By_updated_after_the_first_poll_reaches_a_day_back_and_the_cursor_is_the_latest_update_as_the_upstream_wrote_it()
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Json(HttpStatusCode.OK, "[" + string.Join(",",
            Request("UP-1", "closed", updated: "2026-07-02T09:15:00+02:00"),
            Request("UP-2", "closed", updated: "2026-07-02T07:30:00Z", description: "Von uns\n\n[Ref: gw-musterstadt.de-99-abcdef12]"),
            Request("UP-3", "closed", updated: "2026-07-02T08:00:00+02:00", description: "Von einer anderen App")) + "]"));

        var result = await Poll(upstream, Open311TestServices.Poll([Case("1", "UP-1")], null, ("updated_after", "true")));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("2026-07-01T14:00:00+02:00", Assert.Single(upstream.Calls).Query("updated_after"));
        Assert.Equal("2026-07-02T07:30:00Z", result.Cursor); // 09:30 in Berlin: later than UP-1's 09:15
        // Ours: the case the API named, and one carrying our marker (found by its upstream id, not by the marker's text).
        Assert.Equal(["UP-1", "UP-2"], result.Changes.Select(c => c.ExternalCaseId).Order());
        Assert.Null(result.Changes.Single(c => c.ExternalCaseId == "UP-2").ServiceRequestId);
        Assert.Equal("1", result.Changes.Single(c => c.ExternalCaseId == "UP-1").ServiceRequestId);
    }

    [Fact]
    public async Task By_updated_after_a_later_poll_starts_at_the_cursor_and_keeps_it_when_nothing_changed()
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Json(HttpStatusCode.OK, "[]"));

        var result = await Poll(upstream, Open311TestServices.Poll([], "2026-07-02T09:15:00+02:00", ("updated_after", "true")));

        Assert.Equal("2026-07-02T09:15:00+02:00", Assert.Single(upstream.Calls).Query("updated_after"));
        Assert.Equal("2026-07-02T09:15:00+02:00", result.Cursor);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public async Task Without_cases_a_poll_by_id_asks_nothing()
    {
        var upstream = new StubUpstream((_, _) => throw new InvalidOperationException("asked"));

        var result = await Poll(upstream, Open311TestServices.Poll([], "kept"));

        Assert.True(result.Succeeded);
        Assert.Equal("kept", result.Cursor);
        Assert.Empty(upstream.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "The upstream answered the poll with HTTP 503")]
    [InlineData(HttpStatusCode.BadRequest, "The upstream answered the poll with HTTP 400: updated_after unknown")]
    public async Task An_upstream_that_cannot_answer_fails_the_poll_and_keeps_the_cursor(HttpStatusCode status, string error)
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Json(status, status == HttpStatusCode.BadRequest ? """[{"code":400,"description":"updated_after unknown"}]""" : ""));

        var result = await Poll(upstream, Open311TestServices.Poll([], "2026-07-02T09:15:00+02:00", ("updated_after", "true")));

        Assert.Equal(PollResult.Failed(error, "2026-07-02T09:15:00+02:00").Error, result.Error);
        Assert.False(result.Succeeded);
        Assert.Equal("2026-07-02T09:15:00+02:00", result.Cursor);
    }

    [Fact]
    public async Task An_unreachable_upstream_fails_the_poll()
    {
        var upstream = new StubUpstream((_, _) => throw new HttpRequestException("Connection refused"));

        var result = await Poll(upstream, Open311TestServices.Poll([Case("1", "UP-1")], "c"));

        Assert.False(result.Succeeded);
        Assert.Equal("backoffice.musterstadt.example unreachable: Connection refused", result.Error);
        Assert.Equal("c", result.Cursor);
    }
}
