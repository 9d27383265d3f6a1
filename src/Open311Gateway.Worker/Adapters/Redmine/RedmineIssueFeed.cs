using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>
/// Reads the issues of a project changed since a time, oldest change first, a page at a time. Each next page starts
/// at the last page's latest change time rather than at a growing offset: an issue changed while the poll pages
/// moves to the end of the order, and with offsets the issue behind it would slip past unread. Issues read twice
/// are read once; only a page whose issues all changed within the same second moves on by offset.
/// </summary>
public static class RedmineIssueFeed
{
    /// <summary>Enough for a busy day; the rest follows in the next poll, which starts where this one stopped.</summary>
    public const int MaxIssuesPerPoll = 500;

    private const int MaxPages = 20;

    /// <exception cref="RedmineStatusException">Redmine refused a page.</exception>
    /// <exception cref="RedmineAnswerException">A page was unreadable.</exception>
    /// <exception cref="HttpExchangeTimeoutException">No complete answer in time.</exception>
    /// <exception cref="HttpRequestException">Redmine could not be reached.</exception>
    public static async Task<RedmineChangedIssues> ChangedSinceAsync(
        RedmineClient client, RedmineTarget target, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var issues = new Dictionary<int, RedmineIssue>();
        var from = Second(since);
        var offset = 0;
        for (var page = 0; page < MaxPages && issues.Count < MaxIssuesPerPoll; page++)
        {
            var answer = await client.SendAsync(target, HttpMethod.Get, RedmineUrls.IssuesUpdatedSince(target.Project, from, offset), null, cancellationToken);
            var found = RedmineJson.IssueList(RedmineAnswer.BodyOf(answer, $"the changed issues of project '{target.Project}'"));
            foreach (var issue in found) issues[issue.Id] = issue;
            if (found.Count < RedmineUrls.PageSize) break;
            var last = Second(found[^1].UpdatedOn);
            if (last > from)
            {
                from = last;
                offset = 0;
            }
            else
            {
                offset += RedmineUrls.PageSize;
            }
        }
        var ordered = issues.Values.OrderBy(i => i.UpdatedOn).ThenBy(i => i.Id).ToList();
        return new RedmineChangedIssues(ordered, ordered.Count == 0 ? null : ordered.Max(i => i.UpdatedOn));
    }

    private static DateTimeOffset Second(DateTimeOffset time) => time.AddTicks(-(time.UtcTicks % TimeSpan.TicksPerSecond));
}
