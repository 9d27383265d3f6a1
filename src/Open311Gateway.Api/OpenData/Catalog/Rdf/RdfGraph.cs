namespace Open311Gateway.Api.OpenData.Catalog.Rdf;

/// <summary>A document's statements grouped by subject, and the prefixes its writers abbreviate with.</summary>
public sealed class RdfGraph(IReadOnlyList<(string Prefix, string Namespace)> prefixes)
{
    private readonly List<RdfResource> _resources = [];

    public IReadOnlyList<(string Prefix, string Namespace)> Prefixes { get; } = prefixes;

    public IReadOnlyList<RdfResource> Resources => _resources;

    public RdfResource Describe(RdfIri iri)
    {
        var resource = new RdfResource(iri);
        _resources.Add(resource);
        return resource;
    }

    /// <summary><c>prefix:local</c> when the IRI lies in a known namespace with a plain local name; null otherwise.</summary>
    public string? Compact(RdfIri iri)
    {
        foreach (var (prefix, ns) in Prefixes)
        {
            if (!iri.Value.StartsWith(ns, StringComparison.Ordinal)) continue;
            var local = iri.Value[ns.Length..];
            if (local.Length > 0 && char.IsAsciiLetter(local[0]) && local.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                return $"{prefix}:{local}";
        }
        return null;
    }
}
