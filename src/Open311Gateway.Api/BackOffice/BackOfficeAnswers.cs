using System.Globalization;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Moderation;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Statuses;

namespace Open311Gateway.Api.BackOffice;

/// <summary>The back-office API's answers: always JSON; errors as the Open311 error list clients already parse.</summary>
public static class BackOfficeAnswers
{
    /// <summary>What a stored update became; built from the stored row, so a resend gets exactly the original answer.</summary>
    public static Open311Result Accepted(RequestUpdate update, TimeZoneInfo zone)
    {
        ExtendedStatuses.TryGetCoreStatus(update.Status, out var core);
        return new(new Open311Document("update", new Open311Object()
            .Add("update_id", update.Id.ToString(CultureInfo.InvariantCulture))
            .Add("service_request_id", update.ServiceRequestId.ToString(CultureInfo.InvariantCulture))
            .Add("status", update.Status)
            .Add("core_status", core)
            .Add("updated_datetime", Open311Time.Format(update.UpdatedAt, zone))), Open311Format.Json);
    }

    /// <summary>What a release or hide left the report in (specs/backoffice-api.md, "Moderation").</summary>
    public static Open311Result Moderated(long requestId, ModerationOutcome outcome) =>
        new(new Open311Document("moderation", new Open311Object()
            .Add("service_request_id", requestId.ToString(CultureInfo.InvariantCulture))
            .Add("moderation", outcome.State)
            .Add("changed", outcome.Changed)
            .Add("visible_to_public", outcome.VisibleToPublic)), Open311Format.Json);

    /// <summary>401 with the challenge RFC 6750 asks for: the key is missing, malformed, unknown or revoked.</summary>
    public static Open311Result Unauthorized(HttpResponse response)
    {
        response.Headers.WWWAuthenticate = "Bearer";
        return Error(StatusCodes.Status401Unauthorized, "A valid back-office key is required: send Authorization: Bearer o311_<key id>_<secret>.");
    }

    public static Open311Result Error(int statusCode, params IEnumerable<string> descriptions) =>
        new(Open311Document.Errors(descriptions.Select(d => new Open311Error(statusCode, d))), Open311Format.Json, statusCode);
}
