using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Updates;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.BackOffice;

/// <summary>
/// <c>POST /backoffice/v1/requests/{id}/updates</c>: a municipality's back office reports a report's status
/// (specs/backoffice-api.md). Not a GeoReport v2 resource, so no format suffix: JSON in and out.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("backoffice/v1/requests/{id}/updates")]
public sealed class BackOfficeUpdatesController(
    GatewayDbContext db,
    BackOfficeKeyService keys,
    BackOfficeStatusIntake intake,
    TimeProvider clock) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Create(string id, CancellationToken cancellationToken)
    {
        var backOffice = await keys.FindClientAsync(BearerToken.From(Request), cancellationToken);
        if (backOffice is null) return BackOfficeAnswers.Unauthorized(Response);

        // Another jurisdiction's report gets the same answer as none at all: a key must not reveal what exists elsewhere.
        var requestId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var timeZone = requestId <= 0 ? null : await db.ServiceRequests.AsNoTracking()
            .Where(r => r.Id == requestId && r.JurisdictionId == backOffice.JurisdictionId)
            .Select(r => r.Service!.Jurisdiction!.TimeZone)
            .FirstOrDefaultAsync(cancellationToken);
        if (timeZone is null)
            return BackOfficeAnswers.Error(StatusCodes.Status404NotFound, $"Unknown service_request_id '{TextRules.Shorten(id)}'.");
        var zone = Open311Time.Zone(timeZone);

        var (body, readError) = await BackOfficeBodyReader.ReadAsync(Request, cancellationToken);
        if (body is null) return BackOfficeAnswers.Error(readError!.Code, readError.Description);
        var now = clock.GetUtcNow();
        var (checkedUpdate, errors) = BackOfficeUpdateValidator.Validate(body, zone, now);
        if (checkedUpdate is null) return BackOfficeAnswers.Error(StatusCodes.Status400BadRequest, errors);

        var (stored, _) = await intake.RecordAsync(requestId, backOffice.JurisdictionId, checkedUpdate, now, cancellationToken);
        return BackOfficeAnswers.Accepted(stored, zone);
    }
}
