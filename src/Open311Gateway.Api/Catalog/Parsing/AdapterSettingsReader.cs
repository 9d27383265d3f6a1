using System.Globalization;
using Open311Gateway.Contracts.Adapters;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Reads an adapter's <c>settings:</c> (or a service's <c>delivery_settings:</c>) against what its kind understands.</summary>
internal static class AdapterSettingsReader
{
    /// <param name="perServiceOnly">Only the settings a service may set without a route of its own.</param>
    /// <returns>The settings as text; null when the block is unusable.</returns>
    public static IReadOnlyDictionary<string, string>? Read(
        MappingReader owner, string key, AdapterKind kind, bool perServiceOnly, ParseContext context)
    {
        var allowed = kind.Settings.Where(s => !perServiceOnly || s.PerService).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var mapping = owner.Mapping(key);
        if (mapping is not null && allowed.Count == 0 && mapping.Children.Count > 0)
        {
            context.Report(mapping, $"{owner.PathOf(key)}: adapter {kind.Name} has no{(perServiceOnly ? " per-service" : "")} settings");
        }
        else if (mapping is not null)
        {
            var reader = new MappingReader(mapping, owner.PathOf(key), context, allowed.Select(s => s.Name).ToList());
            foreach (var setting in allowed)
                if (Value(reader, setting, context) is { } value) result[setting.Name] = value;
        }
        if (!perServiceOnly)
            foreach (var missing in kind.Settings.Where(s => s.Required && !result.ContainsKey(s.Name)))
                context.Report(owner.StartOf(key), $"{owner.PathOf(key)}.{missing.Name} is missing: adapter {kind.Name} needs it");
        return result;
    }

    private static string? Value(MappingReader reader, AdapterSetting setting, ParseContext context)
    {
        if (!reader.Has(setting.Name)) return null;
        var path = reader.PathOf(setting.Name);
        var at = reader.StartOf(setting.Name);
        switch (setting.Type)
        {
            case SettingType.Boolean:
                return reader.Boolean(setting.Name, false) ? "true" : "false";
            case SettingType.WholeNumber:
                var number = reader.Integer(setting.Name);
                if (number is null) return null;
                if (number >= 0) return number.Value.ToString(CultureInfo.InvariantCulture);
                context.Report(at, $"{path} must not be negative");
                return null;
            default:
                var text = reader.String(setting.Name, required: false);
                if (text is null || setting.Choices is null || setting.Choices.Contains(text)) return text;
                context.Report(at, $"{path} '{text}' is not one of {string.Join(", ", setting.Choices)}");
                return null;
        }
    }
}
