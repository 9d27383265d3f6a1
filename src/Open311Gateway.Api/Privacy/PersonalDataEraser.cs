using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Privacy;

/// <summary>
/// Erases personal data from every copy the gateway holds, in the caller's transaction, and writes the audit line.
/// The public record (description, place, status, notes, photos) stays. Reached: the reports' personal fields, the
/// follow-ups' personal fields, the personal fields of the outbox payloads still waiting to be sent (they are then
/// delivered without them; rows of ended deliveries are gone already, see EndedDeliveryRows), and the error texts
/// stored with those deliveries and rows, which may quote what the back office was sent.
/// </summary>
public sealed class PersonalDataEraser(GatewayDbContext db, TimeProvider clock)
{
    /// <summary>What replaces an error text that may quote erased data: the text cannot be cleaned reliably, only dropped.</summary>
    public const string ErasedErrorText = "(Error text removed when personal data was erased.)";

    // The camel-case names of the personal fields in ServiceRequestSubmitted and CitizenUpdateSubmitted payloads.
    private static readonly string[] PayloadFields = ["email", "phone", "firstName", "lastName", "deviceId", "accountId"];

    /// <param name="reportIds">Reports whose own personal fields go, with the payloads and errors of their deliveries.</param>
    /// <param name="updateIds">Citizens' follow-ups whose personal fields go, with the payloads and errors of their deliveries.</param>
    public async Task<PersonalDataErasure> EraseAsync(string reason, string? jurisdictionId,
        IReadOnlyCollection<long> reportIds, IReadOnlyCollection<long> updateIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (reportIds.Count > 0)
            await db.ServiceRequests.Where(r => reportIds.Contains(r.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Email, (string?)null)
                .SetProperty(r => r.Phone, (string?)null)
                .SetProperty(r => r.FirstName, (string?)null)
                .SetProperty(r => r.LastName, (string?)null)
                .SetProperty(r => r.DeviceId, (string?)null)
                .SetProperty(r => r.AccountId, (string?)null)
                // Nothing public changed, but the issue counts an erasure among a report's changes, so syncs see it.
                .SetProperty(r => r.PublicChangedAt, now), cancellationToken);
        if (updateIds.Count > 0)
            await db.RequestUpdates.Where(u => updateIds.Contains(u.Id)).ExecuteUpdateAsync(set => set
                .SetProperty(u => u.Email, (string?)null)
                .SetProperty(u => u.FirstName, (string?)null)
                .SetProperty(u => u.LastName, (string?)null)
                .SetProperty(u => u.AccountId, (string?)null), cancellationToken);

        var deliveryIds = await db.Deliveries
            .Where(d => (d.Kind == DeliveryKinds.Request && reportIds.Contains(d.ServiceRequestId))
                || (d.RequestUpdateId != null && updateIds.Contains(d.RequestUpdateId.Value)))
            .Select(d => d.Id).ToArrayAsync(cancellationToken);
        var outboxRows = 0;
        if (deliveryIds.Length > 0)
        {
            await db.Deliveries.Where(d => deliveryIds.Contains(d.Id) && d.LastError != null)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastError, ErasedErrorText), cancellationToken);
            outboxRows = await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE outbox_messages
                SET payload = payload - {PayloadFields},
                    last_error = CASE WHEN last_error IS NULL THEN NULL ELSE {ErasedErrorText} END,
                    park_reason = CASE WHEN park_reason IS NULL THEN NULL ELSE {ErasedErrorText} END
                WHERE delivery_id = ANY({deliveryIds})
                """, cancellationToken);
        }

        var audit = new PersonalDataErasure
        {
            ErasedAt = now,
            Reason = reason,
            JurisdictionId = jurisdictionId,
            ServiceRequestIds = reportIds.Order().ToList(),
            RequestUpdateIds = updateIds.Order().ToList(),
            Deliveries = deliveryIds.Length,
            OutboxMessages = outboxRows,
        };
        db.PersonalDataErasures.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        return audit;
    }
}
