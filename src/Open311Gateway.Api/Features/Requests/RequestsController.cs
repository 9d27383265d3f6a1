using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests;

/// <summary><c>requests.{format}</c> (GET list, POST create) and <c>requests/{id}.{format}</c>.</summary>
[Route("requests")]
public sealed class RequestsController(
    GatewayDbContext db,
    JurisdictionResolver jurisdictions,
    ClientSubmissionReader submissions,
    RequestIntake intake,
    TimeProvider clock) : Open311ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> List([FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
        if (resolved.Error is { } error) return Error(error.Code, error.Description);
        var (query, errors) = RequestQueryParser.Parse(Request.Query, resolved.Zone, clock.GetUtcNow());
        if (query is null) return Error(StatusCodes.Status400BadRequest, errors);

        var jurisdiction = resolved.Jurisdiction!;
        if (query.ServiceCodes.Count > 0)
        {
            var lookedUp = query.ServiceCodes.Where(TextRules.CanBeStored).ToList();
            var known = await db.Services.Where(s => s.JurisdictionId == jurisdiction.Id && lookedUp.Contains(s.Code))
                .Select(s => s.Code).ToListAsync(cancellationToken);
            var unknown = query.ServiceCodes.Except(known).ToList();
            if (unknown.Count > 0) return Error(StatusCodes.Status400BadRequest, unknown.Select(c => $"Unknown service_code '{c}'."));
        }

        var requests = RequestFilters.Apply(PublicRequests().Where(r => r.JurisdictionId == jurisdiction.Id), query);
        return Answer(RequestDocuments.List(await requests.Take(RequestQuery.MaxResults).ToListAsync(cancellationToken)));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Single(string id, [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        // The id names the request on its own; a jurisdiction_id, when given, must still be right.
        string? jurisdiction = null;
        if (!string.IsNullOrWhiteSpace(jurisdictionId))
        {
            var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
            if (resolved.Error is { } error) return Error(error.Code, error.Description);
            jurisdiction = resolved.Jurisdiction!.Id;
        }
        var requestId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var request = requestId <= 0 ? null : await PublicRequests()
            .Where(r => r.Id == requestId && (jurisdiction == null || r.JurisdictionId == jurisdiction))
            .FirstOrDefaultAsync(cancellationToken);
        return request is null
            ? Error(StatusCodes.Status404NotFound, $"Unknown service_request_id '{TextRules.Shorten(id)}'.")
            : Answer(RequestDocuments.List([request]));
    }

    [HttpPost]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var (submitted, rejection) = await submissions.ReadKeyedAsync(Request, "a request", acceptsPhoto: true, cancellationToken);
        if (submitted is null) return Error(rejection!.Code, rejection.Description);
        var outcome = await intake.AcceptAsync(submitted, cancellationToken);
        return outcome.Stored is { } stored
            ? Answer(RequestDocuments.Accepted(stored, outcome.Service!.Type))
            : Error(outcome.RefusalCode, outcome.Reasons);
    }

    private IQueryable<Data.Entities.ServiceRequest> PublicRequests() => db.ServiceRequests.AsNoTracking()
        .Include(r => r.Service).ThenInclude(s => s!.Jurisdiction)
        .VisibleToPublic();
}
