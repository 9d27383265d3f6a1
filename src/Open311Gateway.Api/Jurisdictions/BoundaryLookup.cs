using NetTopologySuite.Geometries;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Jurisdictions;

/// <summary>
/// Point-in-boundary questions, answered in memory from the cached catalogue (ADR 22) with NetTopologySuite's Covers:
/// the boundaries are planar geometry in long/lat, so this is the DE-9IM test PostGIS's ST_Covers made before. A point
/// on the boundary line counts as inside; where two jurisdictions share a border, a point on it belongs to the first by
/// id, the same for a POST and for <c>services?lat&amp;long</c>.
/// </summary>
public sealed class BoundaryLookup(GatewayCache cache)
{
    /// <summary>The active jurisdiction whose boundary covers the point, or null when none does.</summary>
    public async Task<Jurisdiction?> CoveringAsync(Point point, CancellationToken cancellationToken) =>
        (await cache.CatalogAsync(cancellationToken)).Covering(point);

    /// <summary>Whether the jurisdiction has a boundary and the point lies outside it; without a boundary any point is inside.</summary>
    public async Task<bool> IsOutsideAsync(string jurisdictionId, Point point, CancellationToken cancellationToken) =>
        (await cache.CatalogAsync(cancellationToken)).IsOutside(jurisdictionId, point);

    /// <summary>Those of the given jurisdictions that have a boundary, by id.</summary>
    public async Task<List<string>> WithBoundaryAsync(IReadOnlyList<string> jurisdictionIds, CancellationToken cancellationToken) =>
        (await cache.CatalogAsync(cancellationToken)).WithBoundary(jurisdictionIds);
}
