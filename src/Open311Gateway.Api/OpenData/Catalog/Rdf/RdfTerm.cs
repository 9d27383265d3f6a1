namespace Open311Gateway.Api.OpenData.Catalog.Rdf;

/// <summary>The object of a statement: an IRI or a literal. The catalogue names every node by an IRI, so there are no blank nodes.</summary>
public abstract record RdfTerm;
