namespace Open311Gateway.Contracts;

/// <summary>
/// Where and how a worker forwards a message, as the catalogue says. Never holds secrets: a worker
/// looks those up in its own configuration by <see cref="JurisdictionId"/>.
/// </summary>
public sealed record DeliveryRoute
{
    /// <summary>The adapter kind, such as <c>webhook</c>.</summary>
    public required string Adapter { get; init; }
    /// <summary>The back office's address for this adapter, such as the webhook URL.</summary>
    public required string Endpoint { get; init; }
    public required string JurisdictionId { get; init; }
    /// <summary>The back office's own code for the service, where the catalogue maps it; else the service code.</summary>
    public string? ExternalServiceCode { get; init; }
    /// <summary>The jurisdiction's IANA time zone; adapters write times with its offset. Null: as the message holds them.</summary>
    public string? TimeZone { get; init; }
}
