namespace Open311Gateway.Api.OpenData.Catalog.Rdf;

/// <summary>An absolute IRI, written whole (no prefix) except where it is a predicate or a class of the known vocabularies.</summary>
public sealed record RdfIri(string Value) : RdfTerm
{
    // Turtle's IRIREF cannot hold these; the catalogue parser refuses them in URLs, so one here is a bug, not input.
    private static readonly char[] Forbidden = ['<', '>', '"', '{', '}', '|', '^', '`', '\\'];

    public string Value { get; } = Value.Any(c => c <= ' ' || Forbidden.Contains(c))
        ? throw new ArgumentException($"'{Value}' cannot be written as an IRI.", nameof(Value))
        : Value;
}
