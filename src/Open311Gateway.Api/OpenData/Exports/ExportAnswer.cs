using System.Data;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// Answers an export: the jurisdiction and window checked (404, 400 with every problem, nothing read), validators
/// (<see cref="ExportVersion"/>) and a 304 for a harvester that has this version already, else the file streamed
/// from one read-only snapshot, gzip-compressed when the client accepts it.
/// </summary>
public sealed class ExportAnswer(
    GatewayDbContext db, ExportReports reports, GatewayCache cache, TimeProvider clock, IOptions<RequestListingOptions> listing,
    ILogger<ExportAnswer> logger)
{
    public async Task WriteAsync(HttpContext http, string jurisdictionId, ExportFormat format, CancellationToken cancellationToken)
    {
        var catalog = await cache.CatalogAsync(cancellationToken);
        var jurisdiction = catalog.ActiveJurisdiction(jurisdictionId);
        if (jurisdiction is null)
        {
            await ErrorAsync(http.Response, StatusCodes.Status404NotFound, [$"Unknown jurisdiction '{TextRules.Shorten(jurisdictionId)}'."]);
            return;
        }
        var (window, errors) = ExportWindowParser.Parse(http.Request.Query, Open311Time.Zone(jurisdiction.TimeZone));
        if (window is null)
        {
            await ErrorAsync(http.Response, StatusCodes.Status400BadRequest, errors);
            return;
        }
        var changesUntil = window.IsChangeWindow ? ChangesUntil(window) : (DateTimeOffset?)null;

        // One snapshot for validators and rows, so an ETag always names the content sent with it.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken);
        var selected = reports.Of(jurisdiction.Id, window, changesUntil);
        var (count, highest, newest) = await reports.SummaryAsync(selected, cancellationToken);
        var version = new ExportVersion(catalog.Version, count, highest, newest);

        var response = http.Response;
        var headers = response.GetTypedHeaders();
        response.Headers.ETag = version.ETag;
        if (version.LastModified is { } lastModified) headers.LastModified = lastModified;
        // Caches may keep it but must ask again: a new report changes it at any time.
        response.Headers.CacheControl = "public, no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (changesUntil is { } until) response.Headers[RequestsController.ChangesUntilHeader] = until.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
        if (ExportConditions.HasVersion(http.Request, version))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType;
        var gzip = ExportConditions.AcceptsGzip(http.Request);
        if (gzip) response.Headers.ContentEncoding = "gzip";
        // HEAD runs as GET into Stream.Null (HeadRequests): the headers are GET's, the rows need not be read.
        if (response.Body == Stream.Null) return;
        await StreamAsync(http, jurisdiction, format, selected, gzip, cancellationToken);
    }

    private async Task StreamAsync(HttpContext http, Jurisdiction jurisdiction, ExportFormat format, IQueryable<ServiceRequest> selected, bool gzip,
        CancellationToken cancellationToken)
    {
        var catalog = await cache.CatalogAsync(cancellationToken);
        var written = 0L;
        try
        {
            await using var compressed = gzip ? new GZipStream(http.Response.Body, CompressionLevel.Fastest, leaveOpen: true) : null;
            var output = (Stream?)compressed ?? http.Response.Body;
            IExportWriter writer = format == ExportFormat.Csv ? new CsvExportWriter(output, jurisdiction) : new GeoJsonExportWriter(output);
            await foreach (var report in reports.Stream(selected).WithCancellation(cancellationToken))
            {
                // From the cached catalogue, not joined into every row (ADR 22); a service newer than the snapshot reloads it.
                report.Service = catalog.ServiceById(report.ServiceId)
                    ?? (catalog = await cache.CatalogWithServicesAsync([report.ServiceId], cancellationToken)).ServiceById(report.ServiceId);
                await writer.WriteAsync(report, cancellationToken);
                written++;
            }
            await writer.CompleteAsync(cancellationToken);
        }
        catch (Exception exception) when (http.Response.HasStarted && exception is not OperationCanceledException)
        {
            // The status line is gone: ending the connection without the last chunk tells the client the file is incomplete,
            // where a clean end would pass a truncated file as whole.
            logger.LogError(exception, "The {Format} export of {Jurisdiction} failed after {Written} reports; the connection is aborted.",
                format.FileName, jurisdiction.Id, written);
            http.Abort();
        }
    }

    private DateTimeOffset ChangesUntil(ExportWindow window)
    {
        // To the microsecond, as PostgreSQL keeps times: the bound a client gets back is the one that was compared.
        var settled = clock.GetUtcNow() - TimeSpan.FromSeconds(listing.Value.ChangeSettleSeconds);
        var bound = settled.AddTicks(-(settled.UtcTicks % TimeSpan.TicksPerMicrosecond));
        return window.UpdatedBefore is { } before && before < bound ? before : bound;
    }

    /// <summary>The error list GeoReport v2 clients know, in JSON: these URLs have no format suffix to choose XML by.</summary>
    private static Task ErrorAsync(HttpResponse response, int status, IEnumerable<string> descriptions) =>
        Open311Response.WriteErrorsAsync(response, Open311Format.Json, status, descriptions);
}
