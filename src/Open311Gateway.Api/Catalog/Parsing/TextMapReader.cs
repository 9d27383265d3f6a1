using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Reads a mapping whose keys are free text (another system's names), each value text checked by the caller.</summary>
internal static class TextMapReader
{
    /// <param name="check">Returns the value to keep, or null after reporting why it is wrong.</param>
    public static IReadOnlyDictionary<string, string> Read(
        MappingReader owner, string key, ParseContext context, Func<string, YamlDotNet.Core.Mark, string, string?> check)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (owner.Mapping(key) is not { } mapping) return result;
        foreach (var (name, value) in mapping.Children)
        {
            var text = (name as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                context.Report(name, $"{owner.PathOf(key)}: keys must be plain text");
                continue;
            }
            var path = $"{owner.PathOf(key)}.{text}";
            if (value is not YamlScalarNode { Value: { } scalar } || ParseContext.IsNull(value) || scalar.Trim().Length == 0)
            {
                context.Report(value, $"{path} must be text, not {ParseContext.Describe(value)}");
                continue;
            }
            if (check(scalar.Trim(), value.Start, path) is { } kept) result[text] = kept;
        }
        return result;
    }
}
