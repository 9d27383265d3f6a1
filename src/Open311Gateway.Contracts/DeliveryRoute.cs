namespace Open311Gateway.Contracts;

/// <summary>
/// Where and how a worker forwards a message, as the catalogue said when the delivery was planned. Stored with
/// the delivery, so retries and follow-ups go to the back office that has (or is getting) the case even after
/// the catalogue changes. Never holds secrets: a worker looks those up in its own configuration by
/// <see cref="JurisdictionId"/>.
/// </summary>
public sealed record DeliveryRoute
{
    /// <summary>The adapter kind, one of <see cref="Adapters.AdapterKinds"/>.</summary>
    public required string Adapter { get; init; }
    /// <summary>The back office's address for this adapter: a URL, or a mail address for e-mail.</summary>
    public required string Endpoint { get; init; }
    public required string JurisdictionId { get; init; }
    /// <summary>The back office's own code for the service, where the catalogue maps it; else the service code.</summary>
    public string? ExternalServiceCode { get; init; }
    /// <summary>The jurisdiction's IANA time zone; adapters write times with its offset. Null: as the message holds them.</summary>
    public string? TimeZone { get; init; }
    /// <summary>
    /// Names the route among its jurisdiction's: the jurisdiction id, or <c>jurisdiction/service code</c> for a
    /// service with a delivery block of its own. Status polls are scheduled per route key.
    /// </summary>
    public string? RouteKey { get; init; }
    /// <summary>The adapter's settings from the catalogue (<c>settings:</c>, with a service's <c>delivery_settings:</c> over them).</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }
    /// <summary>The back office's statuses mapped to our extended statuses (<c>statuses:</c>), for adapters that read them.</summary>
    public IReadOnlyDictionary<string, string>? StatusMap { get; init; }
    /// <summary>Our attribute codes mapped to the back office's (<c>external_attributes:</c>); unmapped codes are sent as they are.</summary>
    public IReadOnlyDictionary<string, string>? AttributeCodes { get; init; }
}
