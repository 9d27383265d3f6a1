using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

internal static class ServiceReader
{
    private const int MaxCodeLength = 100;

    private static readonly string[] Keys =
        [
            "code", "name", "description", "type", "keywords", "group", "service_notice", "attributes", "external_code", "delivery",
            "delivery_settings", "external_attributes", "private", "duplicate_hint",
        ];

    public static IReadOnlyList<CatalogService> ReadAll(MappingReader jurisdiction, CatalogDelivery? jurisdictionDelivery, ParseContext context)
    {
        var codes = new UniqueValues<string>(context);
        var services = new List<CatalogService>();
        var items = jurisdiction.Sequence("services", required: false);
        for (var index = 0; index < items.Count; index++)
        {
            if (Read(items[index], $"{jurisdiction.PathOf("services")}[{index}]", jurisdictionDelivery, context, codes) is { } service)
            {
                services.Add(service);
            }
        }
        return services;
    }

    private static CatalogService? Read(YamlNode node, string path, CatalogDelivery? jurisdictionDelivery, ParseContext context, UniqueValues<string> codes)
    {
        if (context.AsMapping(node, path) is not { } mapping)
        {
            return null;
        }
        var reader = new MappingReader(mapping, path, context, Keys);

        var code = reader.String("code", required: true);
        if (code is not null)
        {
            CheckCode(code, reader, context);
            codes.Claim(code, reader.StartOf("code"), path, $"{reader.PathOf("code")} '{code}'");
        }

        var type = reader.String("type", required: false) ?? CatalogVocabulary.DefaultServiceType;
        if (!CatalogVocabulary.ServiceTypes.Contains(type))
        {
            context.Report(reader.StartOf("type"),
                $"{reader.PathOf("type")} '{type}' is not one of {string.Join(", ", CatalogVocabulary.ServiceTypes)}");
        }

        var attributes = AttributeReader.ReadAll(reader, context);
        var delivery = DeliveryReader.Read(reader, context);
        return new CatalogService(
            code ?? "",
            reader.String("name", required: true) ?? "",
            reader.String("description", required: false),
            type,
            ReadKeywords(reader, context),
            reader.String("group", required: false),
            reader.String("service_notice", required: false),
            attributes,
            reader.String("external_code", required: false),
            delivery,
            ReadDeliverySettings(reader, delivery ?? jurisdictionDelivery, context),
            ReadExternalAttributes(reader, attributes, context),
            reader.Boolean("private", defaultValue: false),
            DuplicateHintReader.Read(reader, context));
    }

    private static void CheckCode(string code, MappingReader reader, ParseContext context)
    {
        var at = reader.StartOf("code");
        var name = $"{reader.PathOf("code")} '{code}'";
        if (code.Length > MaxCodeLength)
        {
            context.Report(at, $"{name} is longer than {MaxCodeLength} characters");
        }
        // GET requests takes service_code as a comma list: a code with a comma could never be filtered on.
        if (code.Contains(','))
        {
            context.Report(at, $"{name} must not contain a comma");
        }
        if (TextRules.HasControlCharacter(code))
        {
            context.Report(at, $"{name} must not contain line breaks or other control characters");
        }
    }

    // Settings one service needs on its jurisdiction's route, such as a Redmine category of its own.
    private static IReadOnlyDictionary<string, string> ReadDeliverySettings(MappingReader reader, CatalogDelivery? route, ParseContext context)
    {
        if (!reader.Has("delivery_settings")) return new Dictionary<string, string>();
        if (route is null || Contracts.Adapters.AdapterKinds.Find(route.Adapter) is not { } kind)
        {
            context.Report(reader.StartOf("delivery_settings"),
                $"{reader.PathOf("delivery_settings")} needs a delivery block (the service's or its jurisdiction's) to apply to");
            return new Dictionary<string, string>();
        }
        return AdapterSettingsReader.Read(reader, "delivery_settings", kind, perServiceOnly: true, context) ?? new Dictionary<string, string>();
    }

    // The back office's names for our attributes; every key must be one of this service's attributes.
    private static IReadOnlyDictionary<string, string> ReadExternalAttributes(
        MappingReader reader, IReadOnlyList<CatalogAttribute> attributes, ParseContext context) =>
        TextMapReader.Read(reader, "external_attributes", context, (value, at, path) =>
        {
            var code = path[(reader.PathOf("external_attributes").Length + 1)..];
            if (attributes.Any(a => a.Code == code)) return value;
            context.Report(at, $"{path}: the service has no attribute '{code}'");
            return null;
        });

    // Keywords are served as one comma string, so a keyword may not contain a comma itself.
    private static IReadOnlyList<string> ReadKeywords(MappingReader reader, ParseContext context)
    {
        var keywords = new List<string>();
        var items = reader.Sequence("keywords", required: false);
        for (var index = 0; index < items.Count; index++)
        {
            var path = $"{reader.PathOf("keywords")}[{index}]";
            var text = (items[index] as YamlScalarNode)?.Value?.Trim();
            if (items[index] is not YamlScalarNode || string.IsNullOrEmpty(text) || ParseContext.IsNull(items[index]))
            {
                context.Report(items[index], $"{path} must be a word or phrase, not {ParseContext.Describe(items[index])}");
            }
            else if (text.Contains(','))
            {
                context.Report(items[index], $"{path} '{text}' must not contain a comma");
            }
            else if (text.Equals("private", StringComparison.OrdinalIgnoreCase) || text.Equals("privat", StringComparison.OrdinalIgnoreCase))
            {
                // Keywords are public search words; privacy is a switch the parser checks, so that a typo cannot publish reports.
                context.Report(items[index], $"{path} '{text}' does not make a service private: write private: true on the service");
            }
            else
            {
                keywords.Add(text);
            }
        }
        return keywords;
    }
}
