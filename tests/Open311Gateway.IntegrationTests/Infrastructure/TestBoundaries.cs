using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// Boundaries for the test catalogue: Teststadt around the default test point (52.52, 13.405), Nachbarort east of it
/// sharing the border at long 13.5, and a third jurisdiction without any boundary.
/// </summary>
public static class TestBoundaries
{
    public const string Unbounded = "ohnegrenze.de";

    public static MultiPolygon Teststadt { get; } = Box(13.3, 52.45, 13.5, 52.6);
    public static MultiPolygon Nachbarort { get; } = Box(13.5, 52.45, 13.7, 52.6);

    public static MultiPolygon Box(double minLon, double minLat, double maxLon, double maxLat)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        var ring = factory.CreateLinearRing(
            [new(minLon, minLat), new(maxLon, minLat), new(maxLon, maxLat), new(minLon, maxLat), new(minLon, minLat)]);
        return factory.CreateMultiPolygon([factory.CreatePolygon(ring)]);
    }

    /// <summary>Gives a seeded jurisdiction a boundary and, optionally, a projected CRS.</summary>
    public static async Task SetAsync(GatewayDbContext db, string jurisdictionId, MultiPolygon boundary, int? srid = null)
    {
        var jurisdiction = await db.Jurisdictions.Include(j => j.Boundary).SingleAsync(j => j.Id == jurisdictionId);
        jurisdiction.Boundary = new JurisdictionBoundary { JurisdictionId = jurisdictionId, Area = boundary };
        jurisdiction.ProjectedSrid = srid;
        await db.SaveChangesAsync();
    }

    public static async Task AddUnboundedAsync(GatewayDbContext db)
    {
        db.Jurisdictions.Add(new Jurisdiction
        {
            Id = Unbounded, Name = "Gemeinde Ohnegrenze", TimeZone = "Europe/Berlin", ImportedAt = DateTimeOffset.UtcNow,
            Services = [new Service { JurisdictionId = Unbounded, Code = "LAMPE", Name = "Lampe defekt", Type = "realtime" }],
        });
        await db.SaveChangesAsync();
    }
}
