namespace Open311Gateway.Api.Data.Entities;

/// <summary>One entry of a jurisdiction's service catalogue.</summary>
public class Service
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public Jurisdiction? Jurisdiction { get; set; }
    /// <summary>The public <c>service_code</c>; unique within its jurisdiction.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary><c>realtime</c>, <c>batch</c> or <c>blackbox</c>.</summary>
    public required string Type { get; set; }
    public string? Keywords { get; set; }
    /// <summary>Reports of a private service are forwarded but never published (catalogue <c>private: true</c>, ADR 15).</summary>
    public bool IsPrivate { get; set; }
    /// <summary>How near (metres) an open public report of this service must be to be named as a possible duplicate; null: no hints.</summary>
    public int? DuplicateRadiusMetres { get; set; }
    /// <summary>How recent (days) that report must be; set together with <see cref="DuplicateRadiusMetres"/>.</summary>
    public int? DuplicateDays { get; set; }
    public string? Group { get; set; }
    /// <summary>Returned with every accepted POST for this service.</summary>
    public string? ServiceNotice { get; set; }
    /// <summary>The service definition's attributes, in catalogue order (stored as jsonb).</summary>
    public List<AttributeDefinition> Attributes { get; set; } = [];
    /// <summary>The back office's own code for this service, when it differs.</summary>
    public string? ExternalCode { get; set; }
    /// <summary>Overrides the jurisdiction's adapter for this service.</summary>
    public string? DeliveryAdapter { get; set; }
    public string? DeliveryEndpoint { get; set; }
    /// <summary>
    /// Settings of this service's own delivery block, or, without one, the settings it lays over its
    /// jurisdiction's (<c>delivery_settings</c>), jsonb.
    /// </summary>
    public Dictionary<string, string> DeliverySettings { get; set; } = [];
    /// <summary>Status map of this service's own delivery block (jsonb).</summary>
    public Dictionary<string, string> DeliveryStatuses { get; set; } = [];
    public int? StatusPollSeconds { get; set; }
    /// <summary>The back office's codes for this service's attributes, where they differ (jsonb).</summary>
    public Dictionary<string, string> ExternalAttributes { get; set; } = [];
    // Removed from the catalogue: deactivated, never deleted, so old requests keep their meaning.
    public bool IsActive { get; set; } = true;
}
