using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// Everything a new report needs from the database before it is stored, in one round trip (ADR 22): its id, taken from
/// the identity sequence ahead of the insert so that the report, its delivery and its outbox row (whose payload names
/// the id) go to the database in one batch; with a CRS, its point projected; and with a duplicate search
/// (<see cref="DuplicateHints"/>), the nearest earlier report (the oldest of equally near ones). An id taken by a report
/// that is then not stored is a gap, as a rolled-back insert leaves one.
/// <para>
/// The projection gives easting and northing in the jurisdiction's projected CRS, computed by PostGIS when the report is
/// stored, so that every delivery attempt carries the same numbers. The point is taken as ETRS89 (EPSG:4258): WGS 84 and
/// ETRS89 differ by well under a metre in Germany, less than a phone's GPS error, and naming ETRS89 makes PostGIS project
/// without any datum shift whatever transformations its PROJ has installed (ADR 13).
/// </para>
/// </summary>
public sealed class NewReportLookup(GatewayDbContext db)
{
    private const string NextId = "nextval(pg_get_serial_sequence('service_requests', 'id'))";
    private const string Here = "ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography";

    // The point is taken as ETRS89 for the projection (above).
    private const string Projection = "FROM ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4258), $3) AS p";

    // On geography, ST_DWithin is in metres on the spheroid and served by the GiST index on location. "+ 0" keeps the
    // planner off the service_id index: before service_requests has statistics (a new database, its first minute) it
    // chose that index and read every report of the service per POST, a cost growing with each report (ADR 22). A few
    // metres around a point are always fewer rows than a whole service.
    private const string Earlier = $"""
        (SELECT r.id FROM service_requests AS r
         WHERE r.service_id + 0 = $4 AND r.status = 'open' AND r.requested_at >= $5
           AND r.location IS NOT NULL AND ST_DWithin(r.location, {Here}, $6) AND {PublicReports.RowIsPublicSql}
         ORDER BY ST_Distance(r.location, {Here}), r.id LIMIT 1)
        """;

    public async Task<NewReportNumbers> LookUpAsync(Point? point, int? srid, DuplicateSearch? search, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(point, srid, search);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var projected = reader.IsDBNull(1) ? ((double, double)?)null : (reader.GetDouble(1), reader.GetDouble(2));
        return new NewReportNumbers(reader.GetInt64(0), projected, reader.IsDBNull(3) ? null : reader.GetInt64(3));
    }

    /// <summary>The statement <see cref="LookUpAsync"/> runs, on the context's connection (its plan is tested).</summary>
    public DbCommand CreateCommand(Point? point, int? srid, DuplicateSearch? search)
    {
        var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        if (point is null)
        {
            command.CommandText = $"SELECT {NextId}, NULL::float8, NULL::float8, NULL::bigint";
            return command;
        }
        var projection = srid is null ? ("NULL::float8, NULL::float8", "") : ("ST_X(p), ST_Y(p)", Projection);
        command.CommandText = $"SELECT {NextId}, {projection.Item1}, {(search is null ? "NULL::bigint" : Earlier)} {projection.Item2}";
        // Positional parameters, every one always bound (a statement ignores the ones it does not name), so each of the
        // four statements is one text that the connection prepares once.
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = point.X });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = point.Y });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = srid ?? 0 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = search?.ServiceId ?? 0 });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = search?.Since ?? DateTimeOffset.UnixEpoch, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = search?.RadiusMetres ?? 0 });
        return command;
    }
}
