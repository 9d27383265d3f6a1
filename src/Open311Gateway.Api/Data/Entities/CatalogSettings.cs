namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// What the catalogue file says about the whole gateway rather than one jurisdiction: one row (<see cref="SingleId"/>),
/// written by every import.
/// </summary>
public class CatalogSettings
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    /// <summary>The open-data catalogue's own title, description and publisher (top-level <c>open_data</c>, jsonb, ADR 24); null: none.</summary>
    public Catalog.CatalogOpenDataCatalog? OpenData { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
