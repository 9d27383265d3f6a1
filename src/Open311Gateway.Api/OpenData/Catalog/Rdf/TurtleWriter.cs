using System.Globalization;
using System.Text;

namespace Open311Gateway.Api.OpenData.Catalog.Rdf;

/// <summary>
/// Writes a graph as Turtle (RDF 1.1): the prefixes, then each subject with one statement per line. Predicates and
/// classes are abbreviated, every other IRI is written whole, so the text reads like the vocabularies' examples.
/// </summary>
public static class TurtleWriter
{
    public const string ContentType = "text/turtle; charset=utf-8";

    private static readonly RdfIri RdfType = new("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

    public static string Write(RdfGraph graph)
    {
        var text = new StringBuilder();
        foreach (var (prefix, ns) in graph.Prefixes) text.Append("@prefix ").Append(prefix).Append(": <").Append(ns).Append("> .\n");
        foreach (var resource in graph.Resources)
        {
            text.Append('\n').Append('<').Append(resource.Iri.Value).Append('>');
            for (var index = 0; index < resource.Statements.Count; index++)
            {
                var (predicate, value) = resource.Statements[index];
                text.Append(index == 0 ? "\n    " : " ;\n    ");
                if (predicate == RdfType) text.Append("a ").Append(Name(graph, (RdfIri)value));
                else text.Append(Name(graph, predicate)).Append(' ').Append(Term(graph, value));
            }
            text.Append(" .\n");
        }
        return text.ToString();
    }

    private static string Name(RdfGraph graph, RdfIri iri) => graph.Compact(iri) ?? $"<{iri.Value}>";

    private static string Term(RdfGraph graph, RdfTerm term) => term switch
    {
        RdfIri iri => $"<{iri.Value}>",
        RdfLiteral { Language: { } language } literal => Quote(literal.Value) + "@" + language,
        RdfLiteral { Datatype: { } datatype } literal => Quote(literal.Value) + "^^" + Name(graph, datatype),
        RdfLiteral literal => Quote(literal.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(term)),
    };

    // STRING_LITERAL_QUOTE: quote, backslash and line breaks escaped; other control characters as \u escapes.
    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
