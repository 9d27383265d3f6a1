using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Open311Gateway.Api.Moderation;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.BackOffice;

/// <summary>
/// <c>POST /backoffice/v1/requests/{id}/release</c> and <c>…/hide</c>: a back office publishes a held report or takes
/// one from public view (ADR 15, specs/backoffice-api.md). No body; JSON out. Only the key's jurisdiction's reports.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[Route("backoffice/v1/requests/{id}")]
public sealed class BackOfficeModerationController(BackOfficeKeyService keys, ReportModeration moderation) : ControllerBase
{
    [HttpPost("release")]
    public Task<IActionResult> Release(string id, CancellationToken cancellationToken) =>
        ModerateAsync(id, moderation.ReleaseAsync, cancellationToken);

    [HttpPost("hide")]
    public Task<IActionResult> Hide(string id, CancellationToken cancellationToken) =>
        ModerateAsync(id, moderation.HideAsync, cancellationToken);

    private async Task<IActionResult> ModerateAsync(
        string id, Func<long, string?, CancellationToken, Task<ModerationOutcome>> move, CancellationToken cancellationToken)
    {
        var backOffice = await keys.FindClientAsync(BearerToken.From(Request), cancellationToken);
        if (backOffice is null) return BackOfficeAnswers.Unauthorized(Response);

        // Another jurisdiction's report gets the same answer as none at all: a key must not reveal what exists elsewhere.
        var requestId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var outcome = requestId <= 0 ? ModerationOutcome.NotFound : await move(requestId, backOffice.JurisdictionId, cancellationToken);
        return outcome.Found
            ? BackOfficeAnswers.Moderated(requestId, outcome)
            : BackOfficeAnswers.Error(StatusCodes.Status404NotFound, $"Unknown service_request_id '{TextRules.Shorten(id)}'.");
    }
}
