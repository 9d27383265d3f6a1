using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries.Outcomes;

/// <summary>
/// Records what a worker reports about an attempt and decides what comes next: done, refused for
/// good, or another attempt after an exponential back-off (until the last one: failed).
/// Outcomes may arrive twice or late; a finished delivery is never reopened by them.
/// </summary>
public sealed class DeliveryOutcomeRecorder(GatewayDbContext db, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<DeliveryOutcomeRecorder> logger)
{
    private const int MaxDetailLength = 2000;

    public async Task RecordAsync(DeliveryAttempted outcome, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivery = await LockAsync(outcome.DeliveryId, cancellationToken);
        if (delivery is null)
        {
            logger.LogWarning("Outcome for unknown delivery {DeliveryId} ignored", outcome.DeliveryId);
            return;
        }
        if (IsFinished(delivery) || (outcome.Outcome != DeliveryOutcome.Delivered && outcome.Attempt < delivery.Attempts))
        {
            logger.LogInformation("Outcome {Outcome} of attempt {Attempt} for delivery {DeliveryId} ({State}) is stale; ignored",
                outcome.Outcome, outcome.Attempt, delivery.Id, delivery.State);
            // A repeat sent after the end (a dispatcher that crashed before its commit sent the row again) left a row.
            if (IsFinished(delivery) && await EndedDeliveryRows.DeleteAsync(db, [delivery.Id], cancellationToken) > 0)
                await transaction.CommitAsync(cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        delivery.UpdatedAt = now;
        delivery.LastHttpStatus = outcome.HttpStatus;
        delivery.LastError = Truncate(outcome.Detail);
        switch (outcome.Outcome)
        {
            case DeliveryOutcome.Delivered:
                delivery.State = DeliveryStates.Delivered;
                delivery.DeliveredAt = outcome.AttemptedAt;
                delivery.NextAttemptAt = null;
                delivery.LastError = null;
                if (delivery.Kind == DeliveryKinds.Request && outcome.ExternalCaseId is { } caseId)
                    await db.ServiceRequests.Where(r => r.Id == delivery.ServiceRequestId)
                        .ExecuteUpdateAsync(r => r.SetProperty(x => x.ExternalCaseId, caseId), cancellationToken);
                break;
            case DeliveryOutcome.Rejected:
                delivery.State = DeliveryStates.Rejected;
                delivery.NextAttemptAt = null;
                if (delivery.Kind == DeliveryKinds.Request) await NoteRejectionAsync(delivery, outcome, now, cancellationToken);
                break;
            default:
                ScheduleRetryOrFail(delivery, now);
                break;
        }
        if (EndedDeliveryRows.HasEnded(delivery)) await EndedDeliveryRows.DeleteAsync(db, [delivery.Id], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A worker could not process the message at all (poison): the delivery fails with the reason.</summary>
    public async Task RecordFaultAsync(Guid deliveryId, string reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivery = await LockAsync(deliveryId, cancellationToken);
        if (delivery is null || IsFinished(delivery)) return;
        delivery.State = DeliveryStates.Failed;
        delivery.NextAttemptAt = null;
        delivery.LastError = Truncate("Not processable by the worker: " + reason);
        delivery.UpdatedAt = clock.GetUtcNow();
        await EndedDeliveryRows.DeleteAsync(db, [delivery.Id], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void ScheduleRetryOrFail(Delivery delivery, DateTimeOffset now)
    {
        var settings = options.Value;
        // The budget counts from the last replay; the attempt numbers themselves go on (see Delivery.AttemptsAtReplay).
        if (delivery.Attempts - delivery.AttemptsAtReplay >= settings.MaxAttempts)
        {
            delivery.State = DeliveryStates.Failed;
            delivery.NextAttemptAt = null;
            logger.LogWarning("Delivery {DeliveryId} failed after {Attempts} attempts: {Error}", delivery.Id, delivery.Attempts, delivery.LastError);
            return;
        }
        delivery.State = DeliveryStates.RetryWait;
        delivery.NextAttemptAt = now + settings.DelayAfterFailedAttempt(delivery.Attempts);
    }

    // The public sees that the report did not reach the municipality. The back office's own reason stays with
    // the operators (deliveries.last_error): its text is not ours to publish and may name people.
    private async Task NoteRejectionAsync(Delivery delivery, DeliveryAttempted outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A mail server's refusal has no HTTP status; "(HTTP )" would be noise in a public note.
        var note = outcome.HttpStatus is { } status
            ? $"Die Meldung wurde vom Fachverfahren der Kommune nicht angenommen (HTTP {status})."
            : "Die Meldung wurde vom Fachverfahren der Kommune nicht angenommen.";
        await db.ServiceRequests.Where(r => r.Id == delivery.ServiceRequestId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.StatusNotes, note).SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.PublicChangedAt, now), cancellationToken);
    }

    private Task<Delivery?> LockAsync(Guid deliveryId, CancellationToken cancellationToken) =>
        db.Deliveries.FromSql($"SELECT * FROM deliveries WHERE id = {deliveryId} FOR UPDATE").FirstOrDefaultAsync(cancellationToken);

    private static bool IsFinished(Delivery delivery) =>
        delivery.State is DeliveryStates.Delivered or DeliveryStates.Rejected;

    private static string? Truncate(string? text) =>
        text is null || text.Length <= MaxDetailLength ? text : text[..MaxDetailLength];
}
