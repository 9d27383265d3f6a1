using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// The order of a sync (<c>updated_after</c>/<c>updated_before</c>): ascending by (change time, id), every report
/// at its latest public change up to the sync's upper bound. A report that changed after that bound keeps the place
/// its latest earlier change gives it (from <see cref="PublicChange"/>), so it neither leaves a gap in pages a client
/// is still reading nor shows up twice in them; it is shown as it is now, and the next sync, from that bound, has it
/// again. With the bound fixed across a run (<c>updated_before</c>), the pages of the run are a fixed list (ADR 12).
/// <para>
/// The list is the merge of two sorted parts: the settled reports, read in index order with OFFSET/LIMIT (so a page
/// reads only as far as it reaches), and the few moved ones, read whole. <see cref="PageOf"/> merges them.
/// </para>
/// </summary>
public static class ChangeOrder
{
    /// <summary>Almost every report: its current change time is its place, read through the (public_changed_at, id) index.</summary>
    public static IQueryable<ChangeKey> Settled(IQueryable<ServiceRequest> filtered, DateTimeOffset? after, DateTimeOffset until)
    {
        var settled = filtered.Where(r => r.PublicChangedAt <= until);
        if (after is { } a) settled = settled.Where(r => r.PublicChangedAt > a);
        return settled.OrderBy(r => r.PublicChangedAt).ThenBy(r => r.Id).Select(r => new ChangeKey { Id = r.Id, ChangedAt = r.PublicChangedAt });
    }

    /// <summary>The reports that changed after the bound, at their latest change up to it, when that lies in the window.</summary>
    public static IQueryable<ChangeKey> Moved(IQueryable<ServiceRequest> filtered, IQueryable<PublicChange> changes, DateTimeOffset? after, DateTimeOffset until) =>
        filtered.Where(r => r.PublicChangedAt > until)
            .Select(r => new { r.Id, At = changes.Where(c => c.ServiceRequestId == r.Id && c.ChangedAt <= until).Max(c => (DateTimeOffset?)c.ChangedAt) })
            .Where(x => x.At != null && (after == null || x.At > after))
            .OrderBy(x => x.At).ThenBy(x => x.Id)
            .Select(x => new ChangeKey { Id = x.Id, ChangedAt = x.At!.Value });

    /// <summary>Where the settled part's window starts, and how many of it a page needs, given <paramref name="moved"/> moved keys.</summary>
    public static (long Skip, long Take) SettledWindow(Paging page, int moved)
    {
        // Before position offset+limit of the merged list lie at most `moved` moved keys, so the settled keys there
        // are those from offset-moved on.
        var skip = Math.Max(0, page.Offset - moved);
        return (skip, page.Offset + page.Limit - skip);
    }

    /// <summary>
    /// The page of the merged list, from the settled keys <paramref name="window"/> (which start at position
    /// <paramref name="skipped"/> of the settled list and hold <paramref name="asked"/> keys unless it ended) and every
    /// moved key, sorted.
    /// </summary>
    public static List<ChangeKey> PageOf(IReadOnlyList<ChangeKey> window, long skipped, long asked, IReadOnlyList<ChangeKey> moved, Paging page)
    {
        // A window that came back empty after skipping: the merged list is no longer than offset (see SettledWindow).
        if (skipped > 0 && window.Count == 0) return [];
        var ended = window.Count < asked;
        var last = window.Count > 0 ? window[^1] : null;
        // Moved keys before the window are before the page too; only how many there are matters. Beyond the window's
        // last key (unless the settled list ended there) the settled keys in between are not known, nor needed.
        var before = skipped == 0 ? 0 : moved.Count(k => k.CompareTo(window[0]) < 0);
        var inside = moved.Where(k => (skipped == 0 || k.CompareTo(window[0]) > 0) && (ended || k.CompareTo(last) < 0));
        var merged = window.Concat(inside).Order().ToList();
        var start = skipped + before;
        return merged.Skip((int)Math.Max(0, page.Offset - start)).Take(page.Limit).ToList();
    }
}
