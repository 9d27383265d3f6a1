using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// The order of a sync (<c>updated_after</c>/<c>updated_before</c>): ascending by (change time, id), every report
/// at its latest public change up to the sync's upper bound. A report that changed after that bound keeps the place
/// its latest earlier change gives it (from <see cref="PublicChange"/>), so it neither leaves a gap in pages a client
/// is still reading nor shows up twice in them; it is shown as it is now, and the next sync, from that bound, has it
/// again. With the bound fixed across a run (<c>updated_before</c>), the pages of the run are a fixed list (ADR 12).
/// </summary>
public static class ChangeOrder
{
    /// <param name="until">The upper bound: <c>updated_before</c>, but never later than now minus the settle time.</param>
    public static IQueryable<ChangeKey> Keys(IQueryable<ServiceRequest> filtered, IQueryable<PublicChange> changes, DateTimeOffset? after, DateTimeOffset until)
    {
        // Almost every report: its current change time is its place, read through the (public_changed_at, id) index.
        var settled = filtered.Where(r => r.PublicChangedAt <= until);
        if (after is { } a) settled = settled.Where(r => r.PublicChangedAt > a);
        var current = settled.Select(r => new ChangeKey { Id = r.Id, ChangedAt = r.PublicChangedAt });

        // The few that changed since the bound: their latest change up to it, if they had one in the window.
        var earlier = filtered.Where(r => r.PublicChangedAt > until)
            .Select(r => new { r.Id, At = changes.Where(c => c.ServiceRequestId == r.Id && c.ChangedAt <= until).Max(c => (DateTimeOffset?)c.ChangedAt) })
            .Where(x => x.At != null && (after == null || x.At > after))
            .Select(x => new ChangeKey { Id = x.Id, ChangedAt = x.At!.Value });

        return current.Concat(earlier).OrderBy(k => k.ChangedAt).ThenBy(k => k.Id);
    }
}
