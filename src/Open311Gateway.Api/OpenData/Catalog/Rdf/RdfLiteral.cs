namespace Open311Gateway.Api.OpenData.Catalog.Rdf;

/// <summary>A text with a language (<c>"…"@de</c>), a typed value (<c>"…"^^xsd:dateTime</c>) or a plain string.</summary>
public sealed record RdfLiteral(string Value, RdfIri? Datatype = null, string? Language = null) : RdfTerm
{
    public static RdfLiteral German(string text) => new(text, Language: "de");
}
