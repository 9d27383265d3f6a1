using System.Text.Encodings.Web;
using System.Text.Json;

namespace Open311Gateway.Api.OpenData.Catalog.Rdf;

/// <summary>
/// Writes a graph as JSON-LD 1.1 in flattened form: a <c>@context</c> of the graph's prefixes and a <c>@graph</c> with
/// one node per subject, every value in an array. The same statements as <see cref="TurtleWriter"/> writes.
/// </summary>
public static class JsonLdWriter
{
    public const string ContentType = "application/ld+json; charset=utf-8";

    private const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    // Umlauts as they are: the document is UTF-8, and a harvester's log should show "Mängel", not "M\u00e4ngel".
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(RdfGraph graph)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("@context");
            foreach (var (prefix, ns) in graph.Prefixes) json.WriteString(prefix, ns);
            json.WriteEndObject();
            json.WriteStartArray("@graph");
            foreach (var resource in graph.Resources) WriteNode(json, graph, resource);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter json, RdfGraph graph, RdfResource resource)
    {
        json.WriteStartObject();
        json.WriteString("@id", resource.Iri.Value);
        var types = resource.Statements.Where(s => s.Predicate.Value == RdfType).Select(s => (RdfIri)s.Object).ToList();
        if (types.Count > 0)
        {
            json.WriteStartArray("@type");
            foreach (var type in types) json.WriteStringValue(Name(graph, type));
            json.WriteEndArray();
        }
        foreach (var group in resource.Statements.Where(s => s.Predicate.Value != RdfType).GroupBy(s => s.Predicate))
        {
            json.WriteStartArray(Name(graph, group.Key));
            foreach (var (_, value) in group) WriteValue(json, graph, value);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, RdfGraph graph, RdfTerm value)
    {
        json.WriteStartObject();
        switch (value)
        {
            case RdfIri iri:
                json.WriteString("@id", iri.Value);
                break;
            case RdfLiteral literal:
                json.WriteString("@value", literal.Value);
                if (literal.Language is { } language) json.WriteString("@language", language);
                else if (literal.Datatype is { } datatype) json.WriteString("@type", Name(graph, datatype));
                break;
        }
        json.WriteEndObject();
    }

    // A compact IRI (dct:title) expands through @context; anything else stays absolute, which JSON-LD reads as it is.
    private static string Name(RdfGraph graph, RdfIri iri) => graph.Compact(iri) ?? iri.Value;
}
