using System.Globalization;
using Open311Gateway.Api.Data.Entities;
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

    public static Open311Result Error(int statusCode, params IEnumerable<string> descriptions) =>
        new(Open311Document.Errors(descriptions.Select(d => new Open311Error(statusCode, d))), Open311Format.Json, statusCode);
}
