using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.Deliveries.Planning;
using Open311Gateway.Api.Features.Requests;
using Open311Gateway.Api.Idempotency;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Updates;

/// <summary>
/// <c>servicerequestupdates.{format}</c>, FixMyStreet's extension: GET lists back offices' status updates,
/// POST takes a citizen's follow-up on an existing report and forwards it to the back office.
/// </summary>
[Route("servicerequestupdates")]
public sealed class ServiceRequestUpdatesController(
    GatewayDbContext db,
    JurisdictionResolver jurisdictions,
    ClientSubmissionReader submissions,
    RequestUpdateStore updates,
    DeliveryPlanner deliveries,
    OutboxSignal outbox,
    TimeProvider clock,
    IdempotentPosts idempotency) : Open311ControllerBase
{
    public const int MaxResults = 1000;

    [HttpGet]
    public async Task<IActionResult> List([FromQuery(Name = "jurisdiction_id")] string? jurisdictionId, CancellationToken cancellationToken)
    {
        var resolved = await jurisdictions.ResolveAsync(jurisdictionId, cancellationToken);
        if (resolved.Error is { } error) return Error(error.Code, error.Description);
        var errors = new List<string>();
        if (Open311DateWindow.Parse(Request.Query, resolved.Zone, clock.GetUtcNow(), errors) is not { } window)
            return Error(StatusCodes.Status400BadRequest, errors);
        var (start, end) = window;

        // Citizens' follow-ups are forwarded, never published; reports the public may not see (ADR 15) are left out.
        var jurisdiction = resolved.Jurisdiction!.Id;
        var list = await db.RequestUpdates.AsNoTracking()
            .Where(u => u.Source == RequestUpdateSources.BackOffice && u.UpdatedAt >= start && u.UpdatedAt <= end
                && u.ServiceRequest!.JurisdictionId == jurisdiction
                && db.ServiceRequests.VisibleToPublic().Any(r => r.Id == u.ServiceRequestId))
            .OrderBy(u => u.UpdatedAt).ThenBy(u => u.Id)
            .Take(MaxResults)
            .ToListAsync(cancellationToken);
        return Answer(UpdateDocuments.List(list, resolved.Zone));
    }

    [HttpPost]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var (submitted, rejection) = await submissions.ReadAsync(Request, "an update", acceptsPhoto: false, cancellationToken);
        if (submitted is null) return Error(rejection!.Code, rejection.Description);
        var (lease, early) = await idempotency.BeginAsync(Request, Format, submitted.Client, submitted.Fields, cancellationToken);
        if (early is not null) return early;
        // The answer is kept after the update's transaction: a crash in between is harmless, as a retry finds the
        // update by its update_id and answers the same (RequestUpdateStore).
        return await idempotency.RunAsync(lease, Response, () => CreateAsync(submitted, cancellationToken));
    }

    private async Task<Open311Result> CreateAsync(ClientSubmission submitted, CancellationToken cancellationToken)
    {
        var (fields, client, resolved, errors) = submitted;
        var requestIdText = fields.Single("service_request_id", errors);
        if (requestIdText is null) return Error(StatusCodes.Status400BadRequest, errors.Append("service_request_id is required."));
        var jurisdiction = resolved.Jurisdiction!;
        var requestId = long.TryParse(requestIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var request = requestId <= 0 ? null : await db.ServiceRequests.AsNoTracking().Include(r => r.Service).VisibleToPublic()
            .FirstOrDefaultAsync(r => r.Id == requestId && r.JurisdictionId == jurisdiction.Id, cancellationToken);
        if (request is null) return Error(StatusCodes.Status404NotFound, $"Unknown service_request_id '{TextRules.Shorten(requestIdText)}'.");

        var (followUp, validationErrors) = CitizenUpdateValidator.Validate(fields, resolved.Zone, clock.GetUtcNow());
        errors.AddRange(validationErrors);
        if (followUp is null || errors.Count > 0) return Error(StatusCodes.Status400BadRequest, errors);

        // The follow-up and its delivery's outbox row are committed together; the report's public status stays
        // as it is: only the back office decides whether a reopen request reopens it.
        var (stored, isNew) = await updates.AddOnceAsync(NewUpdate(followUp, request, client, clock.GetUtcNow()),
            (update, token) => deliveries.PlanCitizenUpdateAsync(update, request, request.Service!, jurisdiction, token), cancellationToken);
        if (isNew) outbox.Notify();
        return Answer(UpdateDocuments.Accepted(stored));
    }

    private static RequestUpdate NewUpdate(ValidatedCitizenUpdate followUp, ServiceRequest request, ApiClient client, DateTimeOffset now) => new()
    {
        ServiceRequestId = request.Id,
        Source = RequestUpdateSources.Citizen,
        Sender = "client:" + client.Id.ToString(CultureInfo.InvariantCulture),
        SenderUpdateId = followUp.UpdateId,
        Status = followUp.Status,
        Description = followUp.Description,
        MediaUrl = followUp.MediaUrl,
        UpdatedAt = followUp.UpdatedAt ?? now,
        ReceivedAt = now,
        Email = followUp.Email,
        FirstName = followUp.FirstName,
        LastName = followUp.LastName,
        AccountId = followUp.AccountId,
    };
}
