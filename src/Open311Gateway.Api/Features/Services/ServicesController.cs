using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Services;

/// <summary><c>services.{format}</c> and <c>services/{service_code}.{format}</c>: the jurisdiction's catalogue.</summary>
[Route("services")]
public sealed class ServicesController(GatewayDbContext db, JurisdictionResolver jurisdictions) : Open311ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> List([FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
        if (resolved.Error is { } error) return Error(error.Code, error.Description);
        var services = await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == resolved.Jurisdiction!.Id && s.IsActive)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return Answer(ServiceDocuments.List(services));
    }

    // A catch-all, so that a service code with a slash (sent as %2F or, by careless clients, raw) still matches.
    [HttpGet("{**serviceCode}")]
    public async Task<IActionResult> Definition(string serviceCode, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
        if (resolved.Error is { } error) return Error(error.Code, error.Description);
        var code = ServiceCodes.FromPath(serviceCode);
        var service = await db.Services.AsNoTracking()
            .FirstOrDefaultAsync(s => s.JurisdictionId == resolved.Jurisdiction!.Id && s.Code == code && s.IsActive, cancellationToken);
        return service is null
            ? Error(StatusCodes.Status404NotFound, $"Unknown service_code '{code}'.")
            : Answer(ServiceDocuments.Definition(service));
    }
}
