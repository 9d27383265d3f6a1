using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Updates;

namespace Open311Gateway.Api.BackOffice;

/// <summary>
/// The one way a back office's status reaches a report, however it travelled: pushed to our back-office API,
/// pulled by a status poll, or confirmed on a status-link page. Stored once per update id of the jurisdiction
/// (a resend or a re-read changes nothing) and applied unless the report already shows a newer state.
/// </summary>
public sealed class BackOfficeStatusIntake(GatewayDbContext db, RequestUpdateStore updates)
{
    /// <summary>Keyed by jurisdiction, not by key or channel: a back office that rotates its key and resends still finds its updates.</summary>
    public static string SenderOf(string jurisdictionId) => "jurisdiction:" + jurisdictionId;

    /// <param name="requestId">A report of <paramref name="jurisdictionId"/>; the caller has checked that.</param>
    public Task<(RequestUpdate Update, bool IsNew)> RecordAsync(
        long requestId, string jurisdictionId, BackOfficeUpdate update, DateTimeOffset now, CancellationToken cancellationToken) =>
        updates.AddOnceAsync(new RequestUpdate
        {
            ServiceRequestId = requestId,
            Source = RequestUpdateSources.BackOffice,
            Sender = SenderOf(jurisdictionId),
            SenderUpdateId = update.UpdateId,
            Status = update.Status,
            Description = update.StatusNotes,
            MediaUrl = update.MediaUrl,
            AgencyResponsible = update.AgencyResponsible,
            ExpectedAt = update.ExpectedAt,
            UpdatedAt = update.UpdatedAt ?? now,
            ReceivedAt = now,
        }, (stored, token) => StatusApplier.ApplyIfNotOlderAsync(db, stored, now, token), cancellationToken);
}
