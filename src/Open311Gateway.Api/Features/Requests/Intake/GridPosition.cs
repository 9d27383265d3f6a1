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
}
