namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Reads a service's <c>duplicate_hint:</c> block; absent means no hints (ADR 15).</summary>
internal static class DuplicateHintReader
{
    private static readonly string[] Keys = ["radius_metres", "days"];

    public static CatalogDuplicateHint? Read(MappingReader service, ParseContext context)
    {
        if (service.Mapping("duplicate_hint") is not { } mapping) return null;
        var reader = new MappingReader(mapping, service.PathOf("duplicate_hint"), context, Keys);
        return new CatalogDuplicateHint(
            InRange(reader, "radius_metres", CatalogDuplicateHint.DefaultRadiusMetres, CatalogDuplicateHint.MaxRadiusMetres, context),
            InRange(reader, "days", CatalogDuplicateHint.DefaultDays, CatalogDuplicateHint.MaxDays, context));
    }

    // Bounded, so that a hint stays a hint about the same spot and a recent report, and its look-up stays cheap.
    private static int InRange(MappingReader reader, string key, int defaultValue, int max, ParseContext context)
    {
        var value = reader.Integer(key) ?? defaultValue;
        if (value >= 1 && value <= max) return value;
        context.Report(reader.StartOf(key), $"{reader.PathOf(key)} {value} is out of range (1 to {max})");
        return defaultValue;
    }
}
