using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.Api.Idempotency;
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
    RequestListing listing,
    IdempotentPosts idempotency,
    GatewayCache cache) : Open311ControllerBase
{
    public const string ChangesUntilHeader = "Open311-Changes-Until";

    [HttpGet]
    public async Task<IActionResult> List([FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        var answer = await listing.ListAsync(Request.Query, jurisdictionId, cancellationToken);
        if (answer.Document is null) return Error(answer.ErrorCode, answer.Errors);
        // Where the next sync starts without missing a change: the latest change time this answer could hold.
        if (answer.ChangesUntil is { } until)
            Response.Headers[ChangesUntilHeader] = until.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
        return Answer(answer.Document);
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
        var extensionErrors = new List<string>();
        var extensions = RequestQueryParser.ParseExtensions(Request.Query, extensionErrors);
        if (extensionErrors.Count > 0) return Error(StatusCodes.Status400BadRequest, extensionErrors);
        var requestId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var request = requestId <= 0 ? null : await PublicReportById.FindAsync(db, requestId, jurisdiction, cancellationToken);
        if (request is null) return Error(StatusCodes.Status404NotFound, $"Unknown service_request_id '{TextRules.Shorten(id)}'.");
        request.Service = (await cache.CatalogWithServicesAsync([request.ServiceId], cancellationToken)).ServiceById(request.ServiceId);
        var notes = extensions ? await PublicNotes.ForAsync(db, [request.Id], cancellationToken) : null;
        return Answer(RequestDocuments.List([request], notes));
    }

    [HttpPost]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var (submitted, rejection) = await submissions.ReadKeyedAsync(Request, "a request", acceptsPhoto: true, cancellationToken);
        if (submitted is null) return Error(rejection!.Code, rejection.Description);
        var (lease, early) = await idempotency.BeginAsync(Request, Format, submitted.Client, submitted.Fields, cancellationToken);
        if (early is not null) return early;
        return await idempotency.RunAsync(lease, Response, async () =>
        {
            // With an Idempotency-Key the answer is stored with the report, in its transaction: a crash leaves neither.
            var outcome = await intake.AcceptAsync(submitted, cancellationToken, lease is null ? null
                : (stored, service, token) => idempotency.CompleteAsync(lease, AcceptedAnswer(stored, service), token));
            return outcome.Stored is { } stored ? AcceptedAnswer(stored, outcome.Service!) : Error(outcome.RefusalCode, outcome.Reasons);
        });
    }

    private Open311Result AcceptedAnswer(Data.Entities.ServiceRequest stored, Data.Entities.Service service) =>
        Answer(RequestDocuments.Accepted(stored, service.Type));
}
