using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Open311Gateway.Api.OpenData.Catalog.Rdf;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.OpenData.Catalog;

/// <summary>
/// <c>GET /opendata/catalog.ttl</c> and <c>/opendata/catalog.jsonld</c> (and HEAD): the DCAT-AP.de catalogue that
/// open-data portals (GovData, Open.NRW) harvest, the same graph in Turtle and JSON-LD (ADR 24). Answered with an
/// ETag, so a harvester that asks daily gets 304 until a report or the catalogue changes.
/// </summary>
public static class OpenDataCatalogEndpoints
{
    private const string PlainText = "text/plain; charset=utf-8";

    public static IServiceCollection AddOpenDataCatalog(this IServiceCollection services) =>
        services.AddScoped<OpenDataCatalogSource>();

    public static IEndpointRouteBuilder MapOpenDataCatalog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(OpenDataRoutes.CatalogTurtle, (OpenDataCatalogSource source, IOptions<Open311Options> options, HttpContext http, CancellationToken cancellationToken) =>
            AnswerAsync(source, options.Value, http, graph => Encoding.UTF8.GetBytes(TurtleWriter.Write(graph)), TurtleWriter.ContentType, cancellationToken));
        endpoints.MapGet(OpenDataRoutes.CatalogJsonLd, (OpenDataCatalogSource source, IOptions<Open311Options> options, HttpContext http, CancellationToken cancellationToken) =>
            AnswerAsync(source, options.Value, http, JsonLdWriter.Write, JsonLdWriter.ContentType, cancellationToken));
        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(
        OpenDataCatalogSource source, Open311Options options, HttpContext http, Func<RdfGraph, byte[]> write, string contentType,
        CancellationToken cancellationToken)
    {
        if (OpenDataRoutes.PublicRootOf(options) is not { } root)
            return Results.Text("The open-data catalogue needs Open311:PublicUrl: its download URLs are never taken from a request's Host header.",
                PlainText, statusCode: StatusCodes.Status503ServiceUnavailable);
        if (await source.LoadAsync(cancellationToken) is not { } content)
            return Results.Text("This gateway publishes no open-data catalogue: its catalogue file has no top-level open_data block.",
                PlainText, statusCode: StatusCodes.Status404NotFound);

        var body = write(DcatCatalogDocument.Build(content.Catalog, content.Datasets, root));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // Stored, but asked again each time: the ETag makes that cheap, and a new report shows at once.
        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, contentType);
    }
}
