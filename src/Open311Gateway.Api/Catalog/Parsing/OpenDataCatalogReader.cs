namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>
/// Reads the catalogue file's top-level <c>open_data:</c> block: title, description and publisher of the DCAT
/// catalogue that lists the jurisdictions' datasets (ADR 24). Needed as soon as one jurisdiction publishes open data.
/// </summary>
internal static class OpenDataCatalogReader
{
    private static readonly string[] Keys = ["title", "description", "publisher", "homepage"];

    public static CatalogOpenDataCatalog? Read(MappingReader root, ParseContext context)
    {
        if (root.Mapping(OpenDataReader.Key) is not { } mapping) return null;
        var reader = new MappingReader(mapping, OpenDataReader.Key, context, Keys);
        var title = AgentReader.SingleLine(reader, "title", required: true, context);
        var description = reader.String("description", required: true);
        var publisher = AgentReader.ReadPublisher(reader, context);
        var homepage = AgentReader.Url(reader, "homepage", context);
        return title is null || description is null || publisher is null ? null : new CatalogOpenDataCatalog(title, description, publisher, homepage);
    }
}
