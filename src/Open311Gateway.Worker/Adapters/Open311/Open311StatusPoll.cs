using Open311Gateway.Contracts;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// One status poll of an upstream. Cases still named by a token are resolved first (<c>tokens/{token}</c>). Then either
/// by id, in batches (<c>requests?service_request_id=a,b,c</c>, the open cases the API sent), or, where the catalogue says
/// the upstream supports it, by change (<c>requests?updated_after=cursor</c>; the cursor is the latest
/// <c>updated_datetime</c> seen).
/// </summary>
public static class Open311StatusPoll
{
    public const int BatchSize = 50;

    /// <summary>How far back the first poll by change reaches.</summary>
    public static readonly TimeSpan FirstWindow = TimeSpan.FromDays(1);

    /// <exception cref="Http.HttpExchangeTimeoutException">As <see cref="UpstreamConversation.GetAsync"/>.</exception>
    /// <exception cref="HttpRequestException">As <see cref="UpstreamConversation.GetAsync"/>.</exception>
    public static async Task<PollResult> RunAsync(UpstreamConversation upstream, StatusPollRequested poll, CancellationToken cancellationToken)
    {
        var route = upstream.Route;
        var ours = new Dictionary<string, string>(StringComparer.Ordinal); // upstream id → our id
        var resolved = new List<PolledCase>();
        foreach (var polled in poll.Cases)
        {
            var id = polled.ExternalCaseId;
            if (id.StartsWith(Open311Adapter.PendingTokenPrefix, StringComparison.Ordinal))
            {
                id = await upstream.ResolveTokenAsync(id[Open311Adapter.PendingTokenPrefix.Length..], cancellationToken);
                if (id is null) continue; // asked again at the next poll
                resolved.Add(new PolledCase { ServiceRequestId = polled.ServiceRequestId, ExternalCaseId = id });
            }
            ours[id] = polled.ServiceRequestId;
        }

        var (items, cursor, error) = upstream.Upstream.PollsByUpdatedAfter
            ? await ReadChangedAsync(upstream, poll, ours, cancellationToken)
            : await ReadByIdAsync(upstream, ours.Keys.ToList(), poll.Cursor, cancellationToken);
        if (error is not null) return PollResult.Failed(error, poll.Cursor);

        var changes = items
            .Select(i => Open311StatusMapping.Change(i, route, i["service_request_id"] is { } id && ours.TryGetValue(id, out var our) ? our : null, poll.RequestedAt))
            .OfType<BackOfficeStatusChange>()
            .OrderBy(c => c.ChangedAt)
            .ToList();
        return PollResult.Read(cursor, changes, resolved);
    }

    private static async Task<(List<UpstreamItem> Items, string? Cursor, string? Error)> ReadByIdAsync(
        UpstreamConversation upstream, List<string> ids, string? cursor, CancellationToken cancellationToken)
    {
        var items = new List<UpstreamItem>();
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var (read, error) = await ReadListAsync(upstream, upstream.Upstream.RequestsQuery(("service_request_id", string.Join(',', batch))), cancellationToken);
            if (error is not null) return ([], cursor, error);
            // An upstream that ignores the filter must not hand us its other reports.
            items.AddRange(read.Where(i => i["service_request_id"] is { } id && batch.Contains(id)));
        }
        return (items, cursor, null);
    }

    private static async Task<(List<UpstreamItem> Items, string? Cursor, string? Error)> ReadChangedAsync(
        UpstreamConversation upstream, StatusPollRequested poll, Dictionary<string, string> ours, CancellationToken cancellationToken)
    {
        var since = poll.Cursor ?? Open311Times.Format(poll.RequestedAt - FirstWindow, upstream.Route.TimeZone);
        var (read, error) = await ReadListAsync(upstream, upstream.Upstream.RequestsQuery(("updated_after", since)), cancellationToken);
        if (error is not null) return ([], poll.Cursor, error);

        // The cursor moves over everything read, ours or not; as the upstream wrote it, which its parser surely reads.
        var cursor = since;
        var latest = Open311Times.TryParse(since, upstream.Route.TimeZone, out var s) ? s : DateTimeOffset.MinValue;
        foreach (var item in read)
            if (Open311Times.TryParse(item["updated_datetime"], upstream.Route.TimeZone, out var updated) && updated > latest)
                (latest, cursor) = (updated, item["updated_datetime"]!);

        // An upstream serves other clients too. Ours are the cases the API named and those carrying our marker; the
        // marker only tells ours from others' here, the API still finds the report by the upstream id it stored.
        var prefix = Open311Marker.PrefixFor(upstream.Route.JurisdictionId);
        var mine = read.Where(i => i["service_request_id"] is { } id
            && (ours.ContainsKey(id) || i["description"]?.Contains(prefix, StringComparison.Ordinal) == true)).ToList();
        return (mine, cursor, null);
    }

    private static async Task<(List<UpstreamItem> Items, string? Error)> ReadListAsync(
        UpstreamConversation upstream, Uri uri, CancellationToken cancellationToken)
    {
        var answer = await upstream.GetAsync(uri, cancellationToken, isList: true);
        if (!answer.IsSuccess) return ([], "The upstream answered the poll with " + Open311Answers.Detail(answer));
        var document = UpstreamDocument.Read(answer);
        return document.Unreadable ? ([], $"The upstream's answer to the poll was {document.Problem}") : (document.Items.ToList(), null);
    }
}
