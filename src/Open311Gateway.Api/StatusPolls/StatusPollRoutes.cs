using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Planning;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.Api.StatusPolls;

/// <summary>
/// Keeps <c>status_polls</c> in step with the catalogue, inside the import's transaction: one row per route whose
/// adapter pulls statuses (a jurisdiction's, or a service's own). A route that stays keeps its cursor; one whose
/// back office changed (another adapter or endpoint) starts afresh; one the catalogue dropped is deactivated.
/// </summary>
public static class StatusPollRoutes
{
    /// <param name="jurisdictions">Every jurisdiction, tracked, with its services, as the import left them.</param>
    public static async Task SyncAsync(GatewayDbContext db, IEnumerable<Jurisdiction> jurisdictions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = Wanted(jurisdictions).ToDictionary(w => w.Route.RouteKey!, StringComparer.Ordinal);
        var stored = await db.StatusPolls.ToListAsync(cancellationToken);
        foreach (var row in stored)
        {
            if (!wanted.Remove(row.RouteKey, out var want))
            {
                row.IsActive = false;
                continue;
            }
            if (row.Route.Adapter != want.Route.Adapter || row.Route.Endpoint != want.Route.Endpoint)
            {
                row.Cursor = null;
                row.OutstandingPollId = null;
                row.ClaimedUntil = null;
                row.NextPollAt = now;
            }
            if (!row.IsActive) row.NextPollAt = now;
            row.Route = want.Route;
            row.IntervalSeconds = want.IntervalSeconds;
            row.IsActive = true;
        }
        foreach (var want in wanted.Values)
            db.StatusPolls.Add(new StatusPoll
            {
                RouteKey = want.Route.RouteKey!, JurisdictionId = want.Route.JurisdictionId, Route = want.Route,
                IntervalSeconds = want.IntervalSeconds, NextPollAt = now,
            });
    }

    private static IEnumerable<(DeliveryRoute Route, int IntervalSeconds)> Wanted(IEnumerable<Jurisdiction> jurisdictions)
    {
        foreach (var jurisdiction in jurisdictions.Where(j => j.IsActive))
        {
            if (Pulls(jurisdiction.DeliveryAdapter) && DeliveryRoutes.ForJurisdiction(jurisdiction) is { } route)
                yield return (route, jurisdiction.StatusPollSeconds ?? Catalog.CatalogVocabulary.DefaultPollSeconds);
            foreach (var service in jurisdiction.Services.Where(s => s.IsActive && DeliveryRoutes.HasOwnRoute(s) && Pulls(s.DeliveryAdapter)))
                yield return (DeliveryRoutes.For(service, jurisdiction)!, service.StatusPollSeconds ?? Catalog.CatalogVocabulary.DefaultPollSeconds);
        }
    }

    private static bool Pulls(string? adapter) => AdapterKinds.Find(adapter) is { PullsStatus: true };
}
