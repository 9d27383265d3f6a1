namespace Open311Gateway.Api.Data.Entities;

/// <summary>A municipality served by this gateway, imported from the catalogue.</summary>
public class Jurisdiction
{
    /// <summary>The public <c>jurisdiction_id</c>, such as <c>musterstadt.de</c>.</summary>
    public required string Id { get; set; }
    public required string Name { get; set; }
    /// <summary>IANA time zone in which this jurisdiction's times are written (Europe/Berlin).</summary>
    public required string TimeZone { get; set; }
    public string? Contact { get; set; }
    public string? KeyService { get; set; }
    /// <summary>Adapter that forwards this jurisdiction's reports (<c>webhook</c>); none: reports are only stored.</summary>
    public string? DeliveryAdapter { get; set; }
    /// <summary>The adapter's address, such as the webhook URL. Secrets live in the worker's configuration.</summary>
    public string? DeliveryEndpoint { get; set; }
    /// <summary>The adapter's settings from the catalogue (jsonb).</summary>
    public Dictionary<string, string> DeliverySettings { get; set; } = [];
    /// <summary>The back office's statuses mapped to our extended ones, for adapters whose statuses are pulled (jsonb).</summary>
    public Dictionary<string, string> DeliveryStatuses { get; set; } = [];
    /// <summary>How often the back office is asked for status changes; null when its statuses are not pulled.</summary>
    public int? StatusPollSeconds { get; set; }
    /// <summary>Whether the back office's case id (<c>external_case_id</c>) is published in <c>extended_attributes</c>.</summary>
    public bool PublicCaseId { get; set; }
    /// <summary>New reports are held from public answers until released (catalogue <c>hold_new_reports</c>, ADR 15).</summary>
    public bool HoldNewReports { get; set; }
    /// <summary>
    /// The area it answers for, in a row of its own type on the same table (table splitting): loaded only where asked
    /// for, since every request that names a jurisdiction loads the jurisdiction. Null: no boundary, any point is accepted.
    /// </summary>
    public JurisdictionBoundary? Boundary { get; set; }
    /// <summary>EPSG code of the projected CRS its back office gets easting and northing in (25832, 25833); null: none.</summary>
    public int? ProjectedSrid { get; set; }
    /// <summary>
    /// Days after a report was closed until its personal data is erased (catalogue key
    /// <c>personal_data_retention_days</c>); null: never erased by the retention job.
    /// </summary>
    public int? PersonalDataRetentionDays { get; set; } = Catalog.CatalogVocabulary.DefaultPersonalDataRetentionDays;
    /// <summary>The metadata of its open-data dataset (catalogue <c>open_data</c>, jsonb, ADR 24); null: in no open-data catalogue.</summary>
    public Catalog.CatalogOpenData? OpenData { get; set; }
    /// <summary>When an import first carried its <c>open_data</c> block: the dataset's <c>dct:issued</c> unless the block names a date.</summary>
    public DateTimeOffset? OpenDataIssuedAt { get; set; }
    // Removed from the catalogue: kept so that old requests keep their meaning.
    public bool IsActive { get; set; } = true;
    public DateTimeOffset ImportedAt { get; set; }
    public List<Service> Services { get; set; } = [];
}
