using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

internal static class AttributeReader
{
    private const int MaxCodeLength = 100;

    private static readonly string[] Keys =
        ["code", "description", "datatype", "required", "variable", "datatype_description", "order", "values"];

    /// <summary>The service's attributes, sorted by order as clients will show them.</summary>
    public static IReadOnlyList<CatalogAttribute> ReadAll(MappingReader service, ParseContext context)
    {
        var codes = new UniqueValues<string>(context);
        var orders = new UniqueValues<int>(context);
        var attributes = new List<CatalogAttribute>();
        var items = service.Sequence("attributes", required: false);
        for (var index = 0; index < items.Count; index++)
        {
            var path = $"{service.PathOf("attributes")}[{index}]";
            if (Read(items[index], path, position: index + 1, context, codes, orders) is { } attribute)
            {
                attributes.Add(attribute);
            }
        }
        return attributes.OrderBy(a => a.Order).ToList();
    }

    private static CatalogAttribute? Read(
        YamlNode node, string path, int position, ParseContext context, UniqueValues<string> codes, UniqueValues<int> orders)
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

        var datatype = reader.String("datatype", required: true);
        if (datatype is not null && !CatalogVocabulary.Datatypes.Contains(datatype))
        {
            context.Report(reader.StartOf("datatype"),
                $"{reader.PathOf("datatype")} '{datatype}' is not one of {string.Join(", ", CatalogVocabulary.Datatypes)}");
            datatype = null;
        }

        var variable = reader.Boolean("variable", defaultValue: true);
        var required = reader.Boolean("required", defaultValue: false);
        if (required && !variable)
        {
            context.Report(reader.StartOf("required"),
                $"{reader.PathOf("required")}: an informational attribute (variable: false) cannot be required, clients never send it");
        }

        return new CatalogAttribute(
            code ?? "",
            reader.String("description", required: true) ?? "",
            datatype ?? "",
            required,
            variable,
            reader.String("datatype_description", required: false),
            ReadOrder(reader, position, context, orders),
            ValueListReader.Read(reader, datatype, context));
    }

    private static int ReadOrder(MappingReader reader, int position, ParseContext context, UniqueValues<int> orders)
    {
        var given = reader.Integer("order");
        if (given is < 1)
        {
            context.Report(reader.StartOf("order"), $"{reader.PathOf("order")} {given} must be 1 or more");
            return position;
        }
        var at = reader.StartOf("order");
        var subject = given is null
            ? $"{reader.Path} takes order {position} from its position (no order given), which"
            : $"{reader.PathOf("order")} {given}";
        orders.Claim(given ?? position, at, reader.Path, subject);
        return given ?? position;
    }

    private static void CheckCode(string code, MappingReader reader, ParseContext context)
    {
        var at = reader.StartOf("code");
        var name = $"{reader.PathOf("code")} '{code}'";
        if (code.Length > MaxCodeLength)
        {
            context.Report(at, $"{name} is longer than {MaxCodeLength} characters");
        }
        // Clients send values as attribute[CODE]; brackets in the code would break that field name.
        if (code.Contains('[') || code.Contains(']'))
        {
            context.Report(at, $"{name} must not contain '[' or ']'");
        }
        if (TextRules.HasControlCharacter(code))
        {
            context.Report(at, $"{name} must not contain line breaks or other control characters");
        }
    }
}
