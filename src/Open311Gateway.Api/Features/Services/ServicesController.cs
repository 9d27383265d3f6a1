using Microsoft.AspNetCore.Mvc;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Jurisdictions;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Services;

/// <summary>
/// <c>services.{format}</c> and <c>services/{service_code}.{format}</c>: the jurisdiction's catalogue, from the cached
/// catalogue, each answer rendered once per catalogue version and format (ADR 22).
/// </summary>
[Route("services")]
public sealed class ServicesController(GatewayCache cache, JurisdictionResolver jurisdictions) : Open311ControllerBase
{
    /// <summary>
    /// The jurisdiction's services; with <c>lat</c> and <c>long</c> (an extension), the services available at that point:
    /// those of the jurisdiction a report there without <c>jurisdiction_id</c> would go to, or of the named one if the
    /// point lies inside its boundary (else none).
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> List([FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        var (point, pointErrors) = PointFromQuery();
        if (pointErrors.Count > 0) return Error(StatusCodes.Status400BadRequest, pointErrors);

        var catalog = await cache.CatalogAsync(cancellationToken);
        var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
        var jurisdiction = resolved.Jurisdiction;
        if (point is not null && resolved.Choices.Count > 0) jurisdiction = catalog.Covering(point);
        else if (resolved.Error is { } error) return Error(error.Code, error.Description);
        else if (point is not null && catalog.IsOutside(jurisdiction!.Id, point)) jurisdiction = null;
        return jurisdiction is null
            ? Answer(ServiceDocuments.List([]))
            : new Open311BytesResult(catalog.ServiceListAnswer(jurisdiction.Id, Format), Format);
    }

    // The POST's rules for lat and long, so a point that lists services is one a report may carry.
    private (Point? Point, List<string> Errors) PointFromQuery()
    {
        if (!Request.Query.ContainsKey("lat") && !Request.Query.ContainsKey("long")) return (null, []);
        var fields = new SubmittedFields();
        foreach (var name in (string[])["lat", "long"])
            foreach (var value in Request.Query[name]) fields.Add(name, value);
        var errors = new List<string>();
        return (SubmittedPoint.Read(fields, errors), errors);
    }

    // A catch-all, so that a service code with a slash (sent as %2F or, by careless clients, raw) still matches.
    [HttpGet("{**serviceCode}")]
    public async Task<IActionResult> Definition(string serviceCode, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        var catalog = await cache.CatalogAsync(cancellationToken);
        var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
        if (resolved.Error is { } error) return Error(error.Code, error.Description);
        var code = ServiceCodes.FromPath(serviceCode);
        var service = catalog.ActiveService(resolved.Jurisdiction!.Id, code);
        return service is null
            ? Error(StatusCodes.Status404NotFound, $"Unknown service_code '{TextRules.Shorten(code)}'.")
            : new Open311BytesResult(catalog.DefinitionAnswer(service, Format), Format);
    }
}
