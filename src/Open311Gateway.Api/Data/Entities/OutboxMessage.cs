namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// A message written in the same transaction as the change it announces, and sent to RabbitMQ
/// afterwards by the dispatcher. Nothing is lost when the broker is down.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    /// <summary>The contract's full type name, such as Open311Gateway.Contracts.ServiceRequestSubmitted.</summary>
    public required string MessageType { get; set; }
    /// <summary>The queue it is sent to.</summary>
    public required string Destination { get; set; }
    /// <summary>
    /// The delivery whose attempt this message carries; null for messages of no delivery (status polls). The rows of a
    /// delivery are deleted when it ends: a payload with personal data must not outlive its delivery (ADR 16).
    /// </summary>
    public Guid? DeliveryId { get; set; }
    /// <summary>The message as JSON (jsonb).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int SendAttempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Failures of this row itself (unreadable payload, unknown type, refused while others went through); a broker outage counts none.</summary>
    public int RowFailures { get; set; }
    /// <summary>Set when the row failed by itself too often: the dispatcher skips it until an operator replays it.</summary>
    public DateTimeOffset? ParkedAt { get; set; }
    public string? ParkReason { get; set; }
}
