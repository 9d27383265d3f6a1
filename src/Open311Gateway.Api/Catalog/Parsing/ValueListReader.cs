using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>The choices of a list attribute: required for the two list types, refused for all others.</summary>
internal static class ValueListReader
{
    private static readonly string[] Keys = ["key", "name"];

    /// <param name="datatype">Null when the datatype itself is wrong: then only the values' own shape is checked.</param>
    public static IReadOnlyList<CatalogAttributeValue> Read(MappingReader attribute, string? datatype, ParseContext context)
    {
        var isList = datatype is not null && CatalogVocabulary.IsListDatatype(datatype);
        if (datatype is not null && !isList && attribute.Has("values"))
        {
            context.Report(attribute.StartOf("values"),
                $"{attribute.PathOf("values")} are only for singlevaluelist and multivaluelist, not for {datatype}");
            return [];
        }

        var items = attribute.Sequence("values", required: false);
        if (isList && items.Count == 0)
        {
            context.Report(attribute.StartOf("values"),
                $"{attribute.PathOf("values")} must list at least one choice for a {datatype}");
        }

        var keys = new UniqueValues<string>(context);
        var values = new List<CatalogAttributeValue>();
        for (var index = 0; index < items.Count; index++)
        {
            var path = $"{attribute.PathOf("values")}[{index}]";
            if (context.AsMapping(items[index], path) is not { } mapping)
            {
                continue;
            }
            var reader = new MappingReader(mapping, path, context, Keys);
            var key = reader.String("key", required: true);
            if (key is not null)
            {
                keys.Claim(key, reader.StartOf("key"), path, $"{reader.PathOf("key")} '{key}'");
            }
            values.Add(new CatalogAttributeValue(key ?? "", reader.String("name", required: true) ?? ""));
        }
        return values;
    }
}
