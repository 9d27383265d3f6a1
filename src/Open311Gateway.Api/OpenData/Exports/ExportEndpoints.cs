namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// <c>GET /opendata/{jurisdiction}/requests.geojson</c> and <c>requests.csv</c> (and HEAD): a jurisdiction's public
/// reports as files for open-data portals, outside the GeoReport base path (ADR 23).
/// </summary>
public static class ExportEndpoints
{
    public const string Prefix = "/opendata/";

    public static IEndpointRouteBuilder MapOpenDataExports(this IEndpointRouteBuilder endpoints)
    {
        foreach (var format in new[] { ExportFormat.GeoJson, ExportFormat.Csv })
        {
            endpoints.MapGet(Prefix + "{jurisdiction}/" + format.FileName,
                (string jurisdiction, HttpContext http, ExportAnswer answer, CancellationToken cancellationToken) =>
                    answer.WriteAsync(http, jurisdiction, format, cancellationToken));
        }
        return endpoints;
    }
}
