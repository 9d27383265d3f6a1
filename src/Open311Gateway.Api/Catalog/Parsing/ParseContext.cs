using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Collects errors instead of throwing, so one run reports everything that is wrong.</summary>
/// <param name="baseDirectory">The catalogue file's directory, against which files it names are found; null for a text.</param>
internal sealed class ParseContext(string? baseDirectory = null)
{
    public string? BaseDirectory { get; } = baseDirectory;

    private readonly List<CatalogError> _errors = [];

    public IReadOnlyList<CatalogError> Errors => _errors;

    public void Report(Mark at, string message) =>
        _errors.Add(new CatalogError((int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), message));

    public void Report(YamlNode at, string message) => Report(at.Start, message);

    public YamlMappingNode? AsMapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }
        Report(node, $"{path} must be a mapping of 'key: value' lines, not {Describe(node)}");
        return null;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "this",
    };

    // YAML's own spellings of "no value": an empty plain scalar, ~ and null.
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
