namespace Open311Gateway.Contracts;

/// <summary>
/// A citizen's report, to be forwarded to its municipality's back office. Carries personal data:
/// the municipality needs it. Published once per delivery attempt; <see cref="DeliveryId"/> stays the
/// same across attempts and <see cref="ServiceRequestId"/> is the back office's idempotency key.
/// Contracts only grow by nullable fields; a breaking change is a new type.
/// </summary>
public sealed record ServiceRequestSubmitted
{
    public required Guid DeliveryId { get; init; }
    public required int Attempt { get; init; }
    public required DeliveryRoute Route { get; init; }
    public required string ServiceRequestId { get; init; }
    public string? Token { get; init; }
    public required string JurisdictionId { get; init; }
    public required string ServiceCode { get; init; }
    public required string ServiceName { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public string? Description { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>
    /// The projected CRS of <see cref="Easting"/> and <see cref="Northing"/>, as the catalogue names it (<c>EPSG:25832</c>);
    /// null when the report has no point or its jurisdiction no <c>crs</c>. Computed once, when the report was stored.
    /// </summary>
    public string? ProjectedCrs { get; init; }
    /// <summary>The point's easting in <see cref="ProjectedCrs"/>, in metres (UTM without zone prefix).</summary>
    public double? Easting { get; init; }
    /// <summary>The point's northing in <see cref="ProjectedCrs"/>, in metres.</summary>
    public double? Northing { get; init; }
    public string? AddressString { get; init; }
    public string? AddressId { get; init; }
    public IReadOnlyList<string> MediaUrls { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? DeviceId { get; init; }
    public string? AccountId { get; init; }
    /// <summary>Signed links that set this report's status, for adapters whose messages a clerk reads (e-mail); else empty.</summary>
    public IReadOnlyList<StatusLink>? StatusLinks { get; init; }
}
