namespace Open311Gateway.Api.Catalog;

/// <summary>What one import did to one kind of row. Unchanged rows were in the file and already up to date.</summary>
public sealed record CatalogImportCounts(int Added, int Updated, int Unchanged, int Deactivated)
{
    public static CatalogImportCounts None { get; } = new(0, 0, 0, 0);

    public override string ToString() =>
        $"{Added} added, {Updated} updated, {Unchanged} unchanged, {Deactivated} deactivated";
}
