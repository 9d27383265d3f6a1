namespace Open311Gateway.Api.Catalog.Importing;

internal sealed class ImportTally
{
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deactivated { get; set; }

    public void CountExisting(bool changed)
    {
        if (changed)
        {
            Updated++;
        }
        else
        {
            Unchanged++;
        }
    }

    public CatalogImportCounts ToCounts() => new(Added, Updated, Unchanged, Deactivated);
}
