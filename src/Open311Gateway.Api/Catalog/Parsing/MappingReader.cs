using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>
/// Reads the keys of one mapping with their types, reporting what is missing, mistyped or unknown.
/// Unknown keys are refused so that a typo or a secret (api_key:, password:) never slips in unnoticed.
/// </summary>
internal sealed class MappingReader
{
    // Enough to recognise a credential; a plain typo (keyword:) gets no lecture about secrets.
    private static readonly string[] SecretHints =
        ["api_key", "apikey", "api-key", "password", "passwort", "secret", "token", "credential", "hmac"];

    private readonly YamlMappingNode _node;
    private readonly ParseContext _context;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public MappingReader(YamlMappingNode node, string path, ParseContext context, IReadOnlyList<string> allowedKeys)
    {
        _node = node;
        _context = context;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                context.Report(key, $"{Where()}keys must be plain words");
            }
            else if (!allowedKeys.Contains(name, StringComparer.Ordinal))
            {
                context.Report(key, UnknownKeyMessage(name, allowedKeys));
            }
            else
            {
                _values[name] = value;
            }
        }
    }

    public string Path { get; }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Where the value of <paramref name="key"/> starts, or the mapping itself when the key is absent.</summary>
    public Mark StartOf(string key) => _values.TryGetValue(key, out var value) ? value.Start : _node.Start;

    public string? String(string key, bool required)
    {
        var value = Value(key, required);
        if (value is null)
        {
            return null;
        }
        if (value is not YamlScalarNode scalar)
        {
            _context.Report(value, $"{PathOf(key)} must be text, not {ParseContext.Describe(value)}");
            return null;
        }
        var text = scalar.Value?.Trim() ?? "";
        if (text.Length > 0)
        {
            return text;
        }
        if (required)
        {
            _context.Report(value, $"{PathOf(key)} must not be empty");
        }
        return null;
    }

    public bool Boolean(string key, bool defaultValue)
    {
        var value = Value(key, required: false);
        return value switch
        {
            null => defaultValue,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" } => true,
            YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" } => false,
            _ => Wrong(key, value, "true or false", defaultValue),
        };
    }

    public int? Integer(string key)
    {
        var value = Value(key, required: false);
        if (value is null)
        {
            return null;
        }
        if (value is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        return Wrong<int?>(key, value, "a whole number", null);
    }

    /// <summary>The items of a list; an absent or empty key gives an empty list.</summary>
    public IReadOnlyList<YamlNode> Sequence(string key, bool required)
    {
        var value = Value(key, required);
        if (value is null)
        {
            return [];
        }
        if (value is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }
        _context.Report(value, $"{PathOf(key)} must be a list ('- ' items), not {ParseContext.Describe(value)}");
        return [];
    }

    /// <summary>A nested mapping, or null when the key is absent (reported when it is not a mapping).</summary>
    public YamlMappingNode? Mapping(string key)
    {
        var value = Value(key, required: false);
        if (value is null or YamlMappingNode) return value as YamlMappingNode;
        _context.Report(value, $"{PathOf(key)} must be a mapping ('key: value' lines), not {ParseContext.Describe(value)}");
        return null;
    }

    /// <summary>The value of an optional key as it is, for readers of structures of their own (a GeoJSON boundary); null when absent.</summary>
    public YamlNode? Node(string key) => Value(key, required: false);

    /// <summary>True when the key is given with a value other than YAML's null.</summary>
    public bool Has(string key) => _values.TryGetValue(key, out var value) && !ParseContext.IsNull(value);

    private YamlNode? Value(string key, bool required)
    {
        if (_values.TryGetValue(key, out var value) && !ParseContext.IsNull(value))
        {
            return value;
        }
        if (required)
        {
            _context.Report(value?.Start ?? _node.Start, value is null ? $"{PathOf(key)} is missing" : $"{PathOf(key)} must not be empty");
        }
        return null;
    }

    private T Wrong<T>(string key, YamlNode value, string expected, T fallback)
    {
        _context.Report(value, value switch
        {
            YamlScalarNode { Style: ScalarStyle.Plain } scalar => $"{PathOf(key)} '{scalar.Value}' is not {expected}",
            // Quoted, YAML reads "true" or "2" as text: say so rather than guess what was meant.
            YamlScalarNode scalar => $"{PathOf(key)} \"{scalar.Value}\" is quoted text; write {expected} without quotes",
            _ => $"{PathOf(key)} must be {expected}, not {ParseContext.Describe(value)}",
        });
        return fallback;
    }

    private string Where() => Path.Length == 0 ? "" : $"{Path}: ";

    private string UnknownKeyMessage(string name, IReadOnlyList<string> allowedKeys)
    {
        var message = $"{Where()}unknown key '{name}' (allowed here: {string.Join(", ", allowedKeys)})";
        return SecretHints.Any(hint => name.Contains(hint, StringComparison.OrdinalIgnoreCase))
            ? message + "; secrets such as API keys and passwords belong in configuration, never in the catalogue"
            : message;
    }
}
