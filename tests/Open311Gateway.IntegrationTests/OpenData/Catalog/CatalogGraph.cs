using System.Text.Json;

namespace Open311Gateway.IntegrationTests.OpenData.Catalog;

/// <summary>The served JSON-LD catalogue read back as nodes by IRI, with each property's values as text (IRIs and literals alike).</summary>
public sealed class CatalogGraph
{
    private readonly Dictionary<string, JsonElement> _nodes = new(StringComparer.Ordinal);

    public CatalogGraph(string jsonLd)
    {
        var document = JsonDocument.Parse(jsonLd).RootElement;
        foreach (var node in document.GetProperty("@graph").EnumerateArray()) _nodes[node.GetProperty("@id").GetString()!] = node.Clone();
    }

    public const string Document = Infrastructure.OpenDataCatalogApp.PublicRoot + "/opendata/catalog.ttl";

    public IEnumerable<string> Ids => _nodes.Keys;

    public IReadOnlyList<string> Types(string id) =>
        _nodes[id].TryGetProperty("@type", out var types) ? types.EnumerateArray().Select(t => t.GetString()!).ToList() : [];

    public IReadOnlyList<string> Values(string id, string property) =>
        _nodes[id].TryGetProperty(property, out var values)
            ? values.EnumerateArray().Select(v => (v.TryGetProperty("@id", out var iri) ? iri : v.GetProperty("@value")).GetString()!).ToList()
            : [];

    public string Single(string id, string property) => Assert.Single(Values(id, property));

    /// <summary>Every text of the document (all literals and IRIs), for checks that something appears nowhere.</summary>
    public IEnumerable<string> AllValues => _nodes.Keys.SelectMany(id => _nodes[id].EnumerateObject()
        .Where(p => !p.Name.StartsWith('@')).SelectMany(p => Values(id, p.Name)));
}
