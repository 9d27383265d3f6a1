using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Boundaries;

/// <summary>
/// A boundary file's JSON as the YAML node tree an inline boundary is, so one reader checks both. Read with
/// System.Text.Json rather than as YAML: GIS tools write JSON that YAML parsers trip over (tabs, very long lines).
/// </summary>
internal static class JsonAsYaml
{
    public static YamlNode Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(element.EnumerateObject()
            .Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), Convert(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(element.EnumerateArray().Select(Convert)),
        JsonValueKind.String => new YamlScalarNode(element.GetString()) { Style = ScalarStyle.DoubleQuoted },
        // Numbers keep their text, so nothing is rounded on the way.
        _ => new YamlScalarNode(element.GetRawText()) { Style = ScalarStyle.Plain },
    };
}
