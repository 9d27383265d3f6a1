namespace Open311Gateway.Api.OpenData.Catalog.Rdf;

/// <summary>One subject with its statements, in the order they were added (which is the order they are written).</summary>
public sealed class RdfResource(RdfIri iri)
{
    private readonly List<(RdfIri Predicate, RdfTerm Object)> _statements = [];

    public RdfIri Iri { get; } = iri;

    public IReadOnlyList<(RdfIri Predicate, RdfTerm Object)> Statements => _statements;

    public RdfResource Add(RdfIri predicate, RdfTerm value)
    {
        _statements.Add((predicate, value));
        return this;
    }

    /// <summary>Adds the statement only when there is a value: optional metadata is left out, never written empty.</summary>
    public RdfResource AddIfPresent(RdfIri predicate, RdfTerm? value) => value is null ? this : Add(predicate, value);
}
