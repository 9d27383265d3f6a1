using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// A report's point as easting and northing in its jurisdiction's projected CRS, computed by PostGIS when the report
/// is stored, so that every delivery attempt carries the same numbers. The point is taken as ETRS89 (EPSG:4258): WGS 84
/// and ETRS89 differ by well under a metre in Germany, less than a phone's GPS error, and naming ETRS89 makes PostGIS
/// project without any datum shift whatever transformations its PROJ has installed (specs/adr/0013).
/// </summary>
public sealed class GridPosition(GatewayDbContext db)
{
    public async Task<(double Easting, double Northing)> ProjectAsync(Point point, int srid, CancellationToken cancellationToken)
    {
        var projected = await db.Database.SqlQuery<double[]>(
            $"""SELECT ARRAY[ST_X(p), ST_Y(p)] AS "Value" FROM ST_Transform(ST_SetSRID(ST_MakePoint({point.X}, {point.Y}), 4258), {srid}) AS p""")
            .SingleAsync(cancellationToken);
        return (projected[0], projected[1]);
    }

    /// <summary>
    /// A new report's id, taken from its identity sequence ahead of the insert so that the report, its delivery and its
    /// outbox row (whose payload names the id) go to the database in one batch, and, with a point and a CRS, the point
    /// projected as <see cref="ProjectAsync"/> does: one round trip for both (ADR 22). An id taken by a report that is
    /// then not stored is a gap, as a rolled-back insert leaves one.
    /// </summary>
    public async Task<NewReportNumbers> NextReportAsync(Point? point, int? srid, CancellationToken cancellationToken)
    {
        if (point is null || srid is not { } crs)
            return new(await db.Database.SqlQuery<long>(
                $"""SELECT nextval(pg_get_serial_sequence('service_requests', 'id')) AS "Value" """).SingleAsync(cancellationToken), null);
        var numbers = await db.Database.SqlQuery<double[]>(
            $"""
            SELECT ARRAY[nextval(pg_get_serial_sequence('service_requests', 'id'))::float8, ST_X(p), ST_Y(p)] AS "Value"
            FROM ST_Transform(ST_SetSRID(ST_MakePoint({point.X}, {point.Y}), 4258), {crs}) AS p
            """).SingleAsync(cancellationToken);
        // Ids stay far below 2^53, where a double holds every integer exactly.
        return new((long)numbers[0], (numbers[1], numbers[2]));
    }
}
