using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Deliveries;

/// <summary>
/// Sends unsent outbox rows to RabbitMQ and marks them sent. Rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several API processes can dispatch at once without sending a
/// row twice. A crash between the broker's confirm and our commit sends a row again: at least once
/// on the wire; the back office's idempotency key makes it once in effect.
/// </summary>
public sealed class OutboxDispatcher(GatewayDbContext db, IBus bus, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private const int MaxErrorLength = 2000;

    /// <summary>Sends one batch; returns how many rows were sent.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.OutboxMessages
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT {settings.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var row in rows)
        {
            try
            {
                var type = ContractTypes.Resolve(row.MessageType);
                var message = JsonSerializer.Deserialize(row.Payload, type, DeliveryPlanner.PayloadJson)!;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(settings.SendTimeoutSeconds));
                var endpoint = await bus.GetSendEndpoint(new Uri("queue:" + row.Destination)).WaitAsync(timeout.Token);
                await endpoint.Send(message, type, timeout.Token);
                row.SentAt = clock.GetUtcNow();
                sent++;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                row.SendAttempts++;
                row.LastError = e.Message.Length > MaxErrorLength ? e.Message[..MaxErrorLength] : e.Message;
                logger.LogWarning(e, "Outbox message {Id} to {Destination} not sent (attempt {Attempt})", row.Id, row.Destination, row.SendAttempts);
                // A broker that failed one send will fail the next: leave the rest for the next round.
                if (e is not (JsonException or InvalidOperationException)) break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }
}
