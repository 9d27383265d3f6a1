using System.Globalization;
using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Contracts.StatusPolls;
using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>
/// Opens a Redmine issue per report through the REST API, adds citizens' follow-ups as notes, and reads statuses and
/// public notes back from the issues' journals when the API polls (specs/adapters.md, "Redmine").
/// </summary>
/// <remarks>
/// Redmine has no idempotency key. Before it creates an issue the adapter always looks our id up in the our-id custom
/// field (closed issues included), so a repeat — a retry, a redelivery after a crash, the same message sent twice —
/// finds the first issue instead of opening a second one. A follow-up looks for its own note the same way.
/// </remarks>
public sealed class RedmineAdapter(RedmineClient client, IOptionsMonitor<RedmineOptions> options, ILogger<RedmineAdapter> logger)
    : IBackOfficeAdapter, IStatusPoller
{
    public string Kind => AdapterKinds.Redmine;

    public async Task<AdapterResult> ForwardRequestAsync(ServiceRequestSubmitted message, AttemptContext attempt, CancellationToken cancellationToken)
    {
        var target = RedmineTarget.For(message.Route, options.CurrentValue);
        var ourId = RedmineOurId.Format(message.JurisdictionId, message.ServiceRequestId);
        return await GuardAsync(async () =>
        {
            // Always, not only when the attempt may be a repeat: a message sent twice (an outbox row sent again after a
            // crash of the API) arrives as a first attempt.
            if (await FindByOurIdAsync(target, ourId, cancellationToken) is { } existing)
                return Delivered(existing.Id, 200, $"Issue #{existing.Id} already has {ourId}; none created.");

            var answer = await client.SendAsync(target, HttpMethod.Post, RedmineUrls.Issues, RedmineMapping.NewIssue(message, target), cancellationToken);
            if (!answer.IsSuccess) return RedmineAnswer.NotWritten(answer, "the new issue");
            var created = RedmineJson.SingleIssue(answer.Body);
            if (!SameId(created.CustomField(target.OurIdField), ourId))
                // The issue exists, so this is delivered; but without our id a repeat cannot find it and polls skip it.
                logger.LogWarning(
                    "Redmine issue #{Issue} for {OurId} was created without our id in custom field {Field}: is the field enabled for " +
                    "project '{Project}' and its tracker and visible to the key's user? Repeats and status polls cannot find this issue.",
                    created.Id, ourId, target.OurIdField, target.Project);
            return Delivered(created.Id, answer.Status);
        }, "forwarding " + ourId);
    }

    public async Task<AdapterResult> ForwardCitizenUpdateAsync(CitizenUpdateSubmitted message, AttemptContext attempt, CancellationToken cancellationToken)
    {
        var target = RedmineTarget.For(message.Route, options.CurrentValue);
        var ourId = RedmineOurId.Format(message.Route.JurisdictionId, message.ServiceRequestId);
        return await GuardAsync(async () =>
        {
            var issueId = int.TryParse(message.ExternalCaseId, NumberStyles.None, CultureInfo.InvariantCulture, out var known)
                ? known
                : (await FindByOurIdAsync(target, ourId, cancellationToken))?.Id;
            if (issueId is not { } id)
                // The report's own delivery may still be on its way: a later attempt finds the issue.
                return new AdapterResult(DeliveryOutcome.Failed, Detail: $"No Redmine issue has {ourId} yet; the follow-up waits for it.");

            var current = await client.SendAsync(target, HttpMethod.Get, RedmineUrls.IssueWithJournals(id), null, cancellationToken);
            if (current.Status == 404)
                return new AdapterResult(DeliveryOutcome.Rejected, 404, id.ToString(CultureInfo.InvariantCulture), $"Redmine issue #{id} no longer exists.");
            var heading = RedmineIssueText.FollowUpHeading(message);
            if (RedmineJson.SingleIssue(RedmineAnswer.BodyOf(current, $"issue #{id}")).Journals
                .Any(j => j.Notes?.StartsWith(heading, StringComparison.Ordinal) == true))
                return Delivered(id, current.Status, $"Issue #{id} already has this follow-up's note.");

            var answer = await client.SendAsync(target, HttpMethod.Put, RedmineUrls.Issue(id), RedmineMapping.FollowUpNote(message), cancellationToken);
            if (answer.Status == 404)
                return new AdapterResult(DeliveryOutcome.Rejected, 404, id.ToString(CultureInfo.InvariantCulture), $"Redmine issue #{id} no longer exists.");
            return answer.IsSuccess ? Delivered(id, answer.Status) : RedmineAnswer.NotWritten(answer, $"the note on issue #{id}");
        }, $"the follow-up {message.UpdateId} of {ourId}");
    }

    public async Task<PollResult> PollAsync(StatusPollRequested poll, CancellationToken cancellationToken)
    {
        var target = RedmineTarget.For(poll.Route, options.CurrentValue);
        // A first poll looks a day back: enough for a route that was just set up, not the whole history of the project.
        var since = Cursor(poll.Cursor) ?? poll.RequestedAt.AddDays(-1);
        try
        {
            // Once per poll: journals name statuses by id, the catalogue's map by name.
            var statuses = RedmineJson.Statuses(RedmineAnswer.BodyOf(
                await client.SendAsync(target, HttpMethod.Get, RedmineUrls.Statuses, null, cancellationToken), "the statuses"));
            var changed = await RedmineIssueFeed.ChangedSinceAsync(client, target, since, cancellationToken);
            var changes = new List<BackOfficeStatusChange>();
            foreach (var issue in changed.Issues)
            {
                if (RedmineOurId.Parse(issue.CustomField(target.OurIdField), target.JurisdictionId) is not { } serviceRequestId) continue;
                // The list has no journals; the issue itself has them.
                var answer = await client.SendAsync(target, HttpMethod.Get, RedmineUrls.IssueWithJournals(issue.Id), null, cancellationToken);
                if (answer.Status == 404) continue; // deleted since the list was read
                var full = RedmineJson.SingleIssue(RedmineAnswer.BodyOf(answer, $"issue #{issue.Id}"));
                changes.AddRange(RedmineJournalChanges.From(full, serviceRequestId, statuses, poll.Route.StatusMap));
            }
            var cursor = changed.Latest is { } latest ? RedmineUrls.Timestamp(latest) : poll.Cursor ?? RedmineUrls.Timestamp(since);
            // Oldest first; within a second by journal id (same prefix, so shorter ids are smaller numbers).
            var ordered = changes.OrderBy(c => c.ChangedAt).ThenBy(c => c.UpdateId.Length).ThenBy(c => c.UpdateId, StringComparer.Ordinal).ToList();
            return PollResult.Read(cursor, ordered);
        }
        catch (Exception e) when (e is HttpExchangeTimeoutException or HttpRequestException or RedmineAnswerException or RedmineStatusException)
        {
            return PollResult.Failed(Failure(e), poll.Cursor);
        }
    }

    private static async Task<AdapterResult> GuardAsync(Func<Task<AdapterResult>> exchange, string what)
    {
        try
        {
            return await exchange();
        }
        catch (Exception e) when (e is HttpExchangeTimeoutException or HttpRequestException or RedmineAnswerException or RedmineStatusException)
        {
            return new AdapterResult(DeliveryOutcome.Failed, (e as RedmineStatusException)?.Status, Detail: RedmineAnswer.Truncate($"{Failure(e)} ({what})"));
        }
    }

    /// <summary>The oldest issue of the route's project whose our-id field holds <paramref name="ourId"/>, closed or not.</summary>
    /// <exception cref="InvalidOperationException">
    /// Redmine ignored the filter (it does so silently for a custom field that is not "used as a filter" or not visible):
    /// without it a repeat could not be told from a first attempt, so nothing is created.
    /// </exception>
    private async Task<RedmineIssue?> FindByOurIdAsync(RedmineTarget target, string ourId, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(target, HttpMethod.Get, RedmineUrls.IssuesWithOurId(target.Project, target.OurIdField, ourId), null, cancellationToken);
        var found = RedmineJson.IssueList(RedmineAnswer.BodyOf(answer, $"the look-up of {ourId} in project '{target.Project}'"));
        var ours = found.Where(i => SameId(i.CustomField(target.OurIdField), ourId)).OrderBy(i => i.Id).FirstOrDefault();
        if (ours is null && found.Count > 0)
            throw new InvalidOperationException(
                $"Redmine did not filter project '{target.Project}' by custom field {target.OurIdField} (it answered with issues that do not " +
                $"hold {ourId}): make the field 'used as a filter', for all projects and trackers, visible to the key's user.");
        return ours;
    }

    private static bool SameId(string? value, string ourId) => string.Equals(value?.Trim(), ourId, StringComparison.OrdinalIgnoreCase);

    private static AdapterResult Delivered(int issueId, int status, string? detail = null) =>
        new(DeliveryOutcome.Delivered, status, issueId.ToString(CultureInfo.InvariantCulture), detail);

    private static DateTimeOffset? Cursor(string? cursor) =>
        DateTimeOffset.TryParse(cursor, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string Failure(Exception e) => e switch
    {
        HttpRequestException => "Redmine unreachable: " + e.Message,
        _ => e.Message,
    };
}
