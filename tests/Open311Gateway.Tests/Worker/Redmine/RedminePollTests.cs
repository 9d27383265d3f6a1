using System.Net;
using System.Text.RegularExpressions;
using Open311Gateway.Contracts.StatusPolls;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Tests.Worker.Redmine;

/// <summary>A status poll: the issues changed since the cursor, their journals, and the cursor for the next poll.</summary>
public partial class RedminePollTests
{
    private const string ListPrefix = "issues.json?project_id=maengel&status_id=*&updated_on=>=";

    [GeneratedRegex(@"updated_on=>=(?<since>[^&]+)&sort=updated_on,id&limit=100&offset=(?<offset>\d+)$")]
    private static partial Regex ListQuery();

    private static async Task<PollResult> Poll(RedmineStub redmine, string? cursor)
    {
        await using var provider = RedmineTestServices.Create(redmine);
        return await RedmineTestServices.Poller(provider).PollAsync(RedmineSamples.Poll(cursor), CancellationToken.None);
    }

    private static RedmineStub Redmine(Func<string, int, string> list, Func<int, string>? journalsOf = null) =>
        new RedmineStub()
            .On(HttpMethod.Get, "issue_statuses.json", HttpStatusCode.OK, RedmineSamples.Statuses)
            .On(HttpMethod.Get, p => p.StartsWith(ListPrefix, StringComparison.Ordinal), path =>
            {
                var query = ListQuery().Match(path);
                Assert.True(query.Success, path);
                return RedmineStub.Json(HttpStatusCode.OK, list(query.Groups["since"].Value, int.Parse(query.Groups["offset"].Value)));
            })
            .On(HttpMethod.Get, p => p.StartsWith("issues/", StringComparison.Ordinal), path =>
            {
                var id = int.Parse(path["issues/".Length..path.IndexOf('.')]);
                return RedmineStub.Json(HttpStatusCode.OK, journalsOf?.Invoke(id) ?? $$"""{"issue":{{RedmineSamples.Issue(id, journals: "[]")}}}""");
            });

    [Fact]
    public async Task A_poll_reads_the_changed_issues_since_the_cursor_and_each_ones_journals_and_moves_the_cursor_to_the_latest_change()
    {
        var redmine = Redmine(
            (_, _) => RedmineSamples.IssueList(
                RedmineSamples.Issue(501, statusId: 2, updatedOn: "2026-12-01T09:15:00Z"),
                RedmineSamples.Issue(502, ourId: "musterstadt.de/4712", statusId: 3, updatedOn: "2026-12-01T09:20:07Z")),
            id => $$"""{"issue":{{RedmineSamples.Issue(id, journals: id == 501
                ? "[" + RedmineSamples.Journal(31, "Wir kümmern uns.", status: (1, 2), createdOn: "2026-12-01T09:15:00Z") + "]"
                : "[" + RedmineSamples.Journal(29, status: (1, 3), createdOn: "2026-12-01T09:10:00Z") + ","
                      + RedmineSamples.Journal(35, "intern", privateNotes: true, createdOn: "2026-12-01T09:20:07Z") + "]")}}}""");

        var result = await Poll(redmine, "2026-12-01T09:00:00Z");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("2026-12-01T09:20:07Z", result.Cursor);
        Assert.Equal(
            [("redmine-journal-29", "4712", "502", "FIXED", (string?)null), ("redmine-journal-31", "4711", "501", "IN_PROGRESS", "Wir kümmern uns.")],
            result.Changes.Select(c => (c.UpdateId, c.ServiceRequestId, c.ExternalCaseId, c.Status, c.StatusNotes)));
        var list = Assert.Single(redmine.CallsTo(HttpMethod.Get, ListPrefix));
        Assert.Equal(ListPrefix + "2026-12-01T09:00:00Z&sort=updated_on,id&limit=100&offset=0", RedmineStub.PathAndQuery(list.Request));
        Assert.Single(redmine.CallsTo(HttpMethod.Get, "issue_statuses.json"));
        Assert.Equal(["issues/501.json?include=journals", "issues/502.json?include=journals"],
            redmine.CallsTo(HttpMethod.Get, "issues/").Select(c => RedmineStub.PathAndQuery(c.Request)));
        Assert.All(redmine.Calls, c => Assert.Equal(RedmineSamples.ApiKey, c.Header("X-Redmine-API-Key")));
    }

    [Fact]
    public async Task The_first_poll_of_a_route_looks_one_day_back_and_keeps_that_as_its_cursor_when_nothing_changed()
    {
        var redmine = Redmine((_, _) => RedmineSamples.IssueList());

        var result = await Poll(redmine, cursor: null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Changes);
        Assert.Equal("2026-11-30T10:00:00Z", result.Cursor);
        Assert.StartsWith(ListPrefix + "2026-11-30T10:00:00Z&", RedmineStub.PathAndQuery(Assert.Single(redmine.CallsTo(HttpMethod.Get, ListPrefix)).Request));
    }

    [Fact]
    public async Task Issues_of_other_jurisdictions_and_issues_without_our_id_are_not_read_but_move_the_cursor()
    {
        var redmine = Redmine((_, _) => RedmineSamples.IssueList(
            RedmineSamples.Issue(601, ourId: "andere-stadt.de/4711", updatedOn: "2026-12-01T09:30:00Z"),
            RedmineSamples.Issue(602, ourId: null, updatedOn: "2026-12-01T09:31:00Z")));

        var result = await Poll(redmine, "2026-12-01T09:00:00Z");

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Changes);
        Assert.Empty(redmine.CallsTo(HttpMethod.Get, "issues/"));
        Assert.Equal("2026-12-01T09:31:00Z", result.Cursor);
    }

    [Fact]
    public async Task A_full_page_is_followed_by_one_starting_at_its_latest_change_and_issues_seen_twice_are_read_once()
    {
        // 100 issues changed a minute apart, then 30 more; the second page starts at the first page's last change.
        var issues = Enumerable.Range(1, 130)
            .Select(i => (Id: 1000 + i, UpdatedOn: new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero).AddMinutes(i)))
            .ToList();
        var redmine = Redmine((since, offset) =>
        {
            var from = DateTimeOffset.Parse(since).AddSeconds(-1);
            var page = issues.Where(i => i.UpdatedOn > from).Skip(offset).Take(100)
                .Select(i => RedmineSamples.Issue(i.Id, ourId: $"musterstadt.de/{i.Id}", updatedOn: i.UpdatedOn.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")));
            return RedmineSamples.IssueList(page.ToArray());
        });

        var result = await Poll(redmine, "2026-12-01T06:00:00Z");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [ListPrefix + "2026-12-01T06:00:00Z&sort=updated_on,id&limit=100&offset=0", ListPrefix + "2026-12-01T07:40:00Z&sort=updated_on,id&limit=100&offset=0"],
            redmine.CallsTo(HttpMethod.Get, ListPrefix).Select(c => RedmineStub.PathAndQuery(c.Request)));
        Assert.Equal(130, redmine.CallsTo(HttpMethod.Get, "issues/").Count());
        Assert.Equal(130, redmine.CallsTo(HttpMethod.Get, "issues/").Select(c => c.Request.RequestUri).Distinct().Count());
        Assert.Equal("2026-12-01T08:10:00Z", result.Cursor);
    }

    [Fact]
    public async Task A_full_page_of_issues_changed_in_the_same_second_is_followed_by_the_next_offset()
    {
        var issues = Enumerable.Range(1, 150).Select(i => 2000 + i).ToList();
        var redmine = Redmine((_, offset) => RedmineSamples.IssueList(issues.Skip(offset).Take(100)
            .Select(id => RedmineSamples.Issue(id, ourId: $"musterstadt.de/{id}", updatedOn: "2026-12-01T09:00:00Z")).ToArray()));

        var result = await Poll(redmine, "2026-12-01T09:00:00Z");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["offset=0", "offset=100"],
            redmine.CallsTo(HttpMethod.Get, ListPrefix).Select(c => RedmineStub.PathAndQuery(c.Request).Split('&')[^1]));
        Assert.Equal(150, redmine.CallsTo(HttpMethod.Get, "issues/").Count());
    }

    [Fact]
    public async Task A_poll_that_Redmine_does_not_answer_fails_and_keeps_the_cursor()
    {
        var redmine = new RedmineStub()
            .On(HttpMethod.Get, "issue_statuses.json", HttpStatusCode.OK, RedmineSamples.Statuses)
            .On(HttpMethod.Get, ListPrefix, HttpStatusCode.ServiceUnavailable, "");

        var result = await Poll(redmine, "2026-12-01T09:00:00Z");

        Assert.False(result.Succeeded);
        Assert.Equal("2026-12-01T09:00:00Z", result.Cursor);
        Assert.Contains("503", result.Error);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public async Task An_issue_deleted_between_the_list_and_its_journals_is_skipped()
    {
        var redmine = new RedmineStub()
            .On(HttpMethod.Get, "issue_statuses.json", HttpStatusCode.OK, RedmineSamples.Statuses)
            .On(HttpMethod.Get, ListPrefix, HttpStatusCode.OK, RedmineSamples.IssueList(RedmineSamples.Issue(501, updatedOn: "2026-12-01T09:05:00Z")))
            .On(HttpMethod.Get, "issues/501.json", HttpStatusCode.NotFound);

        var result = await Poll(redmine, "2026-12-01T09:00:00Z");

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Changes);
        Assert.Equal("2026-12-01T09:05:00Z", result.Cursor);
    }
}
