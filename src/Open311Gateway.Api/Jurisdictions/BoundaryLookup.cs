using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Jurisdictions;

/// <summary>
/// Point-in-boundary questions, answered by PostGIS (ST_Covers on the GiST-indexed boundary column). A point on the
/// boundary line counts as inside; where two jurisdictions share a border, a point on it belongs to the first by id,
/// the same for a POST and for <c>services?lat&amp;long</c>.
/// </summary>
public sealed class BoundaryLookup(GatewayDbContext db)
{
    /// <summary>The active jurisdiction whose boundary covers the point, or null when none does.</summary>
    public Task<Jurisdiction?> CoveringAsync(Point point, CancellationToken cancellationToken) => db.Jurisdictions.AsNoTracking()
        .Where(j => j.IsActive && j.Boundary != null && j.Boundary.Area.Covers(point))
        .OrderBy(j => j.Id)
        .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether the jurisdiction has a boundary and the point lies outside it; without a boundary any point is inside.</summary>
    public Task<bool> IsOutsideAsync(string jurisdictionId, Point point, CancellationToken cancellationToken) => db.JurisdictionBoundaries.AsNoTracking()
        .AnyAsync(b => b.JurisdictionId == jurisdictionId && !b.Area.Covers(point), cancellationToken);

    /// <summary>Those of the given jurisdictions that have a boundary, by id.</summary>
    public Task<List<string>> WithBoundaryAsync(IReadOnlyList<string> jurisdictionIds, CancellationToken cancellationToken) => db.JurisdictionBoundaries.AsNoTracking()
        .Where(b => jurisdictionIds.Contains(b.JurisdictionId))
        .OrderBy(b => b.JurisdictionId)
        .Select(b => b.JurisdictionId)
        .ToListAsync(cancellationToken);
}
