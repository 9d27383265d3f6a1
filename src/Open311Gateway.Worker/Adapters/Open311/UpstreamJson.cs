using System.Text.Json;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>Reads a GeoReport v2 JSON answer: a bare array of objects (or, from looser servers, an object holding one).</summary>
internal static class UpstreamJson
{
    private const int MaxNesting = 3;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <exception cref="JsonException">Not JSON.</exception>
    public static IReadOnlyList<UpstreamItem> Read(string body)
    {
        using var document = JsonDocument.Parse(body, Options);
        var root = document.RootElement;
        var elements = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            // {"service_requests": [...]} or {"errors": [...]}: the first list of objects; otherwise the object is the one element.
            JsonValueKind.Object => root.EnumerateObject().Select(p => p.Value)
                .FirstOrDefault(v => v.ValueKind == JsonValueKind.Array && v.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object)) is
                { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [root],
            _ => [],
        };
        return elements.Where(e => e.ValueKind == JsonValueKind.Object).Select(e =>
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(e, "", fields, 0);
            return new UpstreamItem(fields);
        }).ToList();
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> fields, int depth)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String: fields.TryAdd(name, value.GetString()!); break;
                // Ids and codes are strings in the standard, but servers send numbers too.
                case JsonValueKind.Number: fields.TryAdd(name, value.GetRawText()); break;
                case JsonValueKind.True: fields.TryAdd(name, "true"); break;
                case JsonValueKind.False: fields.TryAdd(name, "false"); break;
                case JsonValueKind.Object when depth < MaxNesting: Flatten(value, name + ".", fields, depth + 1); break;
            }
        }
    }
}
