using Open311Gateway.Api.Catalog.Boundaries;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

internal static class JurisdictionReader
{
    // The limits of the jurisdictions table, checked here so an import never fails half-way in the database.
    private const int MaxIdLength = 100;
    private const int MaxNameLength = 200;

    private static readonly string[] Keys = ["id", "name", "time_zone", "contact", "key_service", "public_case_id", "delivery", "hold_new_reports", RetentionReader.Key, "boundary", "crs", OpenDataReader.Key, "services"];

    public static CatalogJurisdiction? Read(YamlNode node, string path, ParseContext context, UniqueValues<string> ids, BoundaryOverlaps boundaries,
        bool catalogueHasOpenData = false)
    {
        if (context.AsMapping(node, path) is not { } mapping)
        {
            return null;
        }
        var reader = new MappingReader(mapping, path, context, Keys);

        var id = reader.String("id", required: true);
        if (id is not null)
        {
            CheckId(id, reader, context);
            ids.Claim(id, reader.StartOf("id"), path, $"{reader.PathOf("id")} '{id}'");
        }

        var name = reader.String("name", required: true);
        if (name is { Length: > MaxNameLength })
        {
            context.Report(reader.StartOf("name"), $"{reader.PathOf("name")} is longer than {MaxNameLength} characters");
        }

        var timeZone = reader.String("time_zone", required: false) ?? CatalogVocabulary.DefaultTimeZone;
        if (!TextRules.IsIanaTimeZone(timeZone))
        {
            context.Report(reader.StartOf("time_zone"),
                $"{reader.PathOf("time_zone")} '{timeZone}' is not an IANA time zone such as Europe/Berlin");
        }

        var boundary = reader.Node("boundary") is { } boundaryNode ? BoundaryReader.Read(boundaryNode, reader.PathOf("boundary"), context) : null;
        if (boundary is not null && id is not null) boundaries.Claim(id, reader.PathOf("boundary"), reader.StartOf("boundary"), boundary);
        var crs = ReadCrs(reader, context);

        // The jurisdiction's delivery first: its services' delivery_settings are checked against its adapter.
        var delivery = DeliveryReader.Read(reader, context);
        var services = ServiceReader.ReadAll(reader, delivery, context);
        var openData = OpenDataReader.Read(reader, context);
        // A dataset is listed in the gateway's DCAT catalogue, which needs a title and publisher of its own.
        if (reader.Has(OpenDataReader.Key) && !catalogueHasOpenData)
            context.Report(reader.StartOf(OpenDataReader.Key), $"{reader.PathOf(OpenDataReader.Key)} needs the catalogue's own top-level "
                + "open_data block (title, description, publisher) beside jurisdictions:");
        return new CatalogJurisdiction(
            id ?? "",
            name ?? "",
            timeZone,
            reader.String("contact", required: false),
            reader.String("key_service", required: false),
            delivery,
            services,
            reader.Boolean("hold_new_reports", defaultValue: false),
            RetentionReader.Read(reader, context),
            reader.Boolean("public_case_id", defaultValue: false))
        {
            Boundary = boundary,
            ProjectedSrid = crs,
            OpenData = openData,
        };
    }

    private static int? ReadCrs(MappingReader reader, ParseContext context)
    {
        if (reader.String("crs", required: false) is not { } text) return null;
        var srid = ProjectedCrs.Parse(text);
        if (srid is null)
        {
            context.Report(reader.StartOf("crs"), $"{reader.PathOf("crs")} '{text}' is not one of "
                + string.Join(", ", ProjectedCrs.Allowed.Select(ProjectedCrs.Name)) + " (ETRS89 / UTM zones 32N and 33N)");
        }
        return srid;
    }

    private static void CheckId(string id, MappingReader reader, ParseContext context)
    {
        var at = reader.StartOf("id");
        if (!TextRules.IsJurisdictionId(id))
        {
            context.Report(at, $"{reader.PathOf("id")} '{id}' may only contain a-z, 0-9, '.' and '-'");
        }
        if (id.Length > MaxIdLength)
        {
            context.Report(at, $"{reader.PathOf("id")} is longer than {MaxIdLength} characters");
        }
    }
}
