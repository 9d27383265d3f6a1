using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.ServiceDefaults.Bus;

namespace Open311Gateway.Api.Deliveries.Outbox;

/// <summary>
/// Sends unsent outbox rows to RabbitMQ and marks them sent. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several API processes can dispatch at once without sending a
/// row twice. A crash between the broker's confirm and our commit sends a row again: at least once
/// on the wire; the back office's idempotency key makes it once in effect.
/// A row that fails by itself again and again is parked (see <see cref="OutboxFailure"/>), so it cannot hold up the rows behind it.
/// </summary>
public sealed class OutboxDispatcher(GatewayDbContext db, IBus bus, SendQueues queues, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Sends one batch; returns how many rows were sent.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Not tracked: most rows are only marked sent, by one statement below; a failed row is attached to be changed.
        var rows = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT {settings.BatchSize} FOR UPDATE SKIP LOCKED")
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        // The batch's sends run together: each waits for the broker's confirm, and one at a time would cap
        // dispatch at one round trip per message. If the broker is down they all time out together.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.SendTimeoutSeconds));
        var failures = await Task.WhenAll(rows.Select(row => SendAsync(row, timeout.Token)));
        cancellationToken.ThrowIfCancellationRequested();

        var now = clock.GetUtcNow();
        var sent = rows.Zip(failures).Where(p => p.Second is null).Select(p => p.First.Id).ToArray();
        var anySent = sent.Length > 0;
        // One statement for the batch's sent rows rather than an UPDATE per row.
        if (anySent)
            await db.OutboxMessages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, now), cancellationToken);
        foreach (var (row, failure) in rows.Zip(failures))
        {
            if (failure is null) continue;
            db.OutboxMessages.Attach(row);
            row.SendAttempts++;
            row.LastError = Truncate(failure.Error.Message);
            // The broker refusing only this row while it took others is this row's fault, as is a payload we cannot read.
            if (failure.OfTheRow || anySent) CountRowFailure(row, failure.Error, now, settings);
        }
        // One line per round, not per row: with the broker down every row of the batch fails alike.
        if (failures.FirstOrDefault(f => f is not null) is { } first)
            logger.LogWarning(first.Error, "{Failed} of {Total} outbox messages not sent; they are tried again next round", failures.Count(f => f is not null), rows.Count);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failures.Count(f => f is null);
    }

    private void CountRowFailure(OutboxMessage row, Exception error, DateTimeOffset now, DeliveryOptions settings)
    {
        row.RowFailures++;
        if (row.RowFailures < settings.OutboxRowFailuresBeforeParking) return;
        row.ParkedAt = now;
        row.ParkReason = Truncate($"{error.GetType().Name}: {error.Message}");
        logger.LogError("Outbox message {Id} ({Type} to {Destination}) parked after {Failures} failures of its own: {Reason}",
            row.Id, row.MessageType, row.Destination, row.RowFailures, row.ParkReason);
    }

    /// <summary>Sends one row's message; returns why it failed, or null once the broker confirmed it.</summary>
    private async Task<OutboxFailure?> SendAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        Type type;
        object message;
        try
        {
            type = ContractTypes.Resolve(row.MessageType);
            message = JsonSerializer.Deserialize(row.Payload, type, OutboxWriter.PayloadJson)
                ?? throw new JsonException("The payload is JSON null.");
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or NotSupportedException)
        {
            return new OutboxFailure(e, OfTheRow: true);
        }
        try
        {
            var endpoint = await bus.GetSendEndpoint(await queues.AddressAsync(row.Destination, cancellationToken)).WaitAsync(cancellationToken);
            await endpoint.Send(message, type, cancellationToken);
            return null;
        }
        catch (Exception e)
        {
            return new OutboxFailure(e, OfTheRow: false);
        }
    }

    private static string Truncate(string text) => text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;
}
