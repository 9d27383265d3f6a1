using Open311Gateway.Api.Catalog.Boundaries;
using Open311Gateway.Api.Catalog.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog;

/// <summary>
/// Reads and checks a catalogue file (format: specs/catalog-format.md). Every problem is reported with its
/// line and column, all at once; the YAML representation model is used because it keeps those positions.
/// </summary>
public static class CatalogParser
{
    private static readonly string[] RootKeys = ["open_data", "jurisdictions"];

    public static CatalogParseResult Parse(string yaml) => Parse(new StringReader(yaml));

    /// <summary>Reads a catalogue file; files it names (boundaries) are found relative to it.</summary>
    public static async Task<CatalogParseResult> ParseFileAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(new StringReader(await File.ReadAllTextAsync(path, cancellationToken)), Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <param name="baseDirectory">Where files the catalogue names are looked for; null: the catalogue may name none.</param>
    public static CatalogParseResult Parse(TextReader yaml, string? baseDirectory = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(yaml);
        }
        catch (YamlException ex)
        {
            // The YAML itself is broken (syntax, a key twice in one mapping, an unknown alias):
            // nothing after that point can be trusted, so this is the only error.
            var at = ex.Start;
            return CatalogParseResult.Invalid([new CatalogError(
                (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), $"YAML error: {ex.Message}")]);
        }

        var context = new ParseContext(baseDirectory);
        var catalog = Read(stream, context);
        return context.Errors.Count == 0 && catalog is not null
            ? CatalogParseResult.Valid(catalog)
            : CatalogParseResult.Invalid(context.Errors);
    }

    private static ParsedCatalog? Read(YamlStream stream, ParseContext context)
    {
        if (stream.Documents.Count == 0)
        {
            context.Report(Mark.Empty, "the catalogue is empty: it needs a 'jurisdictions:' list");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            context.Report(stream.Documents[1].RootNode, "the catalogue must be one YAML document, but a second one starts here");
        }
        if (context.AsMapping(stream.Documents[0].RootNode, "the catalogue") is not { } root)
        {
            return null;
        }

        var reader = new MappingReader(root, "", context, RootKeys);
        var openData = OpenDataCatalogReader.Read(reader, context);
        var items = reader.Sequence("jurisdictions", required: true);
        if (items.Count == 0 && reader.Has("jurisdictions"))
        {
            context.Report(reader.StartOf("jurisdictions"), "jurisdictions must list at least one jurisdiction");
        }

        var ids = new UniqueValues<string>(context);
        var boundaries = new BoundaryOverlaps(context);
        var jurisdictions = new List<CatalogJurisdiction>();
        for (var index = 0; index < items.Count; index++)
        {
            if (JurisdictionReader.Read(items[index], $"jurisdictions[{index}]", context, ids, boundaries, reader.Has(OpenDataReader.Key)) is { } jurisdiction)
            {
                jurisdictions.Add(jurisdiction);
            }
        }
        return new ParsedCatalog(jurisdictions, openData);
    }
}
