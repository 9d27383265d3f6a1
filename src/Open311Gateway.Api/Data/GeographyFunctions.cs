using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using NetTopologySuite.Geometries;

namespace Open311Gateway.Api.Data;

/// <summary>
/// Longitude and latitude of a <c>geography</c> point in queries. PostGIS's <c>ST_X</c>/<c>ST_Y</c> take geometry only,
/// and EF would call them on the geography column as it is; these read <c>ST_X(geometry(location))</c>.
/// </summary>
public static class GeographyFunctions
{
    public static double Longitude(Point point) => throw new InvalidOperationException("Only for database queries.");

    public static double Latitude(Point point) => throw new InvalidOperationException("Only for database queries.");

    public static void Register(ModelBuilder modelBuilder)
    {
        Map(modelBuilder, nameof(Longitude), "st_x");
        Map(modelBuilder, nameof(Latitude), "st_y");
    }

    private static void Map(ModelBuilder modelBuilder, string method, string function) =>
        modelBuilder.HasDbFunction(typeof(GeographyFunctions).GetMethod(method)!).HasTranslation(arguments =>
            new SqlFunctionExpression(function,
                [new SqlFunctionExpression("geometry", arguments, nullable: true, argumentsPropagateNullability: [true], typeof(Geometry), arguments[0].TypeMapping)],
                nullable: true, argumentsPropagateNullability: [true], typeof(double), typeMapping: null));
}
