using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// <c>GET requests</c>: which jurisdictions a query reads (a place query without <c>jurisdiction_id</c> spans every
/// one; any other listing keeps the standard's rule), its filters, its page and, with <c>extensions=true</c>, the
/// reports' public status history.
/// </summary>
public sealed class RequestListing(
    GatewayDbContext db, JurisdictionResolver jurisdictions, TimeProvider clock, IOptions<RequestListingOptions> options, GatewayCache cache)
{
    public async Task<ListingAnswer> ListAsync(IQueryCollection parameters, string? jurisdictionId, CancellationToken cancellationToken)
    {
        var (scope, zone, scopeError) = await ScopeAsync(parameters, jurisdictionId, cancellationToken);
        if (scopeError is { } error) return ListingAnswer.Refused(error.Code, error.Description);
        var now = clock.GetUtcNow();
        var (query, errors) = RequestQueryParser.Parse(parameters, zone, now);
        if (query is null) return ListingAnswer.Refused(StatusCodes.Status400BadRequest, errors);

        if (query.ServiceCodes.Count > 0)
        {
            var lookedUp = query.ServiceCodes.Where(TextRules.CanBeStored).ToList();
            var known = await db.Services.Where(s => scope.Contains(s.JurisdictionId) && lookedUp.Contains(s.Code))
                .Select(s => s.Code).Distinct().ToListAsync(cancellationToken);
            var unknown = query.ServiceCodes.Except(known).ToList();
            if (unknown.Count > 0) return ListingAnswer.Refused(StatusCodes.Status400BadRequest, unknown.Select(c => $"Unknown service_code '{TextRules.Shorten(c)}'."));
        }

        // To the microsecond, as PostgreSQL keeps times: the bound a client gets back is the one that was compared.
        var settled = now - TimeSpan.FromSeconds(options.Value.ChangeSettleSeconds);
        var changesUntil = settled.AddTicks(-(settled.UtcTicks % TimeSpan.TicksPerMicrosecond));
        var page = query.Paging ?? new Paging(0, RequestQuery.MaxResults);
        // A page past the end is empty, even one whose offset no SQL OFFSET (an int in EF) could name.
        var rows = page.Offset > int.MaxValue ? [] : await PageAsync(query, scope, changesUntil, cancellationToken);
        // Each report's service and jurisdiction from the cached catalogue rather than joined into every row (ADR 22).
        var catalog = await cache.CatalogWithServicesAsync(rows.Select(r => r.ServiceId), cancellationToken);
        foreach (var row in rows) row.Service = catalog.ServiceById(row.ServiceId);
        var notes = query.Extensions ? await PublicNotes.ForAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken) : null;
        return new ListingAnswer(RequestDocuments.List(rows, notes), 0, [], query.IsChangeQuery ? changesUntil : null);
    }

    /// <summary>
    /// The database query that finds a page, as it is run (the plan test EXPLAINs exactly this): the reports
    /// themselves, or for a sync the settled part's keys (<see cref="ChangeOrder"/>), here for a sync without moved
    /// reports; the page's reports are then read by id.
    /// </summary>
    public IQueryable PageQuery(RequestQuery query, IReadOnlyList<string> scope, DateTimeOffset changesUntil)
    {
        var page = query.Paging ?? new Paging(0, RequestQuery.MaxResults);
        var filtered = RequestFilters.Filter(PublicRequests(scope), query);
        if (!query.IsChangeQuery) return RequestFilters.Sort(filtered, query).Skip((int)page.Offset).Take(page.Limit);
        var (skip, take) = ChangeOrder.SettledWindow(page, 0);
        return ChangeOrder.Settled(filtered, query.UpdatedAfter, Until(query, changesUntil)).Skip((int)skip).Take((int)take);
    }

    private static DateTimeOffset Until(RequestQuery query, DateTimeOffset changesUntil) =>
        query.UpdatedBefore is { } before && before < changesUntil ? before : changesUntil;

    private async Task<List<ServiceRequest>> PageAsync(RequestQuery query, IReadOnlyList<string> scope, DateTimeOffset changesUntil, CancellationToken cancellationToken)
    {
        if (!query.IsChangeQuery) return await ((IQueryable<ServiceRequest>)PageQuery(query, scope, changesUntil)).OnlyPublicColumns().ToListAsync(cancellationToken);

        var page = query.Paging ?? new Paging(0, RequestQuery.MaxResults);
        var until = Until(query, changesUntil);
        var filtered = RequestFilters.Filter(PublicRequests(scope), query);
        // Counted first, up to the limit only: an old bound with many changes since must not cost a look-up per change.
        var limit = options.Value.MaxMovedReports;
        var movedSinceBound = await filtered.Where(r => r.PublicChangedAt > until).Take(limit + 1).CountAsync(cancellationToken);
        var moved = movedSinceBound > limit ? []
            : await ChangeOrder.Moved(filtered, db.PublicChanges, query.UpdatedAfter, until).ToListAsync(cancellationToken);
        var (skip, take) = ChangeOrder.SettledWindow(page, moved.Count);
        var window = skip > int.MaxValue ? [] : await ChangeOrder.Settled(filtered, query.UpdatedAfter, until)
            .Skip((int)skip).Take((int)Math.Min(take, int.MaxValue)).ToListAsync(cancellationToken);
        var keys = ChangeOrder.PageOf(window, skip, take, moved, page).Select(k => k.Id).ToList();
        var byId = await PublicRequests(scope).Where(r => keys.Contains(r.Id)).OnlyPublicColumns().ToDictionaryAsync(r => r.Id, cancellationToken);
        // A report that left public view between the reads is left out rather than shown.
        return keys.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private IQueryable<ServiceRequest> PublicRequests(IReadOnlyList<string> scope)
    {
        var requests = db.ServiceRequests.AsNoTracking().VisibleToPublic();
        if (scope.Count == 1)
        {
            var only = scope[0];
            return requests.Where(r => r.JurisdictionId == only);
        }
        return requests.Where(r => scope.Contains(r.JurisdictionId));
    }

    private async Task<(IReadOnlyList<string> Scope, TimeZoneInfo Zone, Open311Error? Error)> ScopeAsync(
        IQueryCollection parameters, string? jurisdictionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(jurisdictionId) && RequestQueryParser.AsksForPlace(parameters))
        {
            var active = (await cache.CatalogAsync(cancellationToken)).Active;
            if (active.Count == 0) return ([], TimeZoneInfo.Utc, new(StatusCodes.Status404NotFound, "No jurisdiction is configured on this endpoint."));
            // Dates without an offset are read in the jurisdictions' zone; when they differ, in the catalogue's default.
            var zones = active.Select(j => j.TimeZone).Distinct().ToList();
            var zone = Open311Time.Zone(zones.Count == 1 ? zones[0] : CatalogVocabulary.DefaultTimeZone);
            return (active.Select(j => j.Id).ToList(), zone, null);
        }
        var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
        return resolved.Error is { } error ? ([], TimeZoneInfo.Utc, error) : ([resolved.Jurisdiction!.Id], resolved.Zone, null);
    }
}
