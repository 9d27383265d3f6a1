using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// Getting one report (or one citizen follow-up) to the back office, across all its attempts. Long
/// retries live here (<see cref="NextAttemptAt"/>), since Debian's RabbitMQ has no delayed messages.
/// </summary>
public class Delivery
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public long ServiceRequestId { get; set; }
    /// <summary>Set when a citizen's follow-up is delivered rather than the report itself.</summary>
    public long? RequestUpdateId { get; set; }
    public required string JurisdictionId { get; set; }
    /// <summary>
    /// The back office this delivery goes to, fixed when it was planned (jsonb): retries keep going there after the
    /// catalogue switched the jurisdiction elsewhere. Null only for rows planned before routes were stored.
    /// </summary>
    public DeliveryRoute? Route { get; set; }
    /// <summary>The route's key (jurisdiction, or jurisdiction/service), so a status poll finds the reports it asks about.</summary>
    public string? RouteKey { get; set; }
    public required string State { get; set; }
    /// <summary>Attempts published so far; the message of attempt N carries N.</summary>
    public int Attempts { get; set; }
    /// <summary>
    /// <see cref="Attempts"/> when an operator last replayed it: attempt numbers go on counting (a late outcome of an
    /// old attempt must stay recognisable), while the attempt budget starts afresh from here.
    /// </summary>
    public int AttemptsAtReplay { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public int? LastHttpStatus { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
