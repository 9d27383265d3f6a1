using NetTopologySuite.Geometries;

namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// A jurisdiction's boundary from the catalogue: WGS 84, stored as <c>geometry(MultiPolygon, 4326)</c> in the
/// <c>boundary</c> column of <c>jurisdictions</c> with a GiST index. Geometry rather than geography: GeoJSON draws
/// its edges straight in long/lat (RFC 7946 §3.1.1), and PostGIS checks validity and overlaps on geometry only.
/// </summary>
public class JurisdictionBoundary
{
    public required string JurisdictionId { get; set; }
    public required MultiPolygon Area { get; set; }
}
