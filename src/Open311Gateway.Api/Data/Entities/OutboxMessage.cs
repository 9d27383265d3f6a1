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
    /// <summary>The message as JSON (jsonb).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int SendAttempts { get; set; }
    public string? LastError { get; set; }
}
