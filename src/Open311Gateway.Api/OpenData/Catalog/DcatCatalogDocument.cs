using System.Globalization;
using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.OpenData.Catalog.Rdf;
using static Open311Gateway.Api.OpenData.Catalog.DcatTerms;

namespace Open311Gateway.Api.OpenData.Catalog;

/// <summary>
/// The DCAT-AP.de 2.0 catalogue (ADR 24): the catalogue, one dataset per jurisdiction that publishes open data, and its
/// exports as distributions. Every node has an IRI within the catalogue document (<c>…/opendata/catalog.ttl#dataset-…</c>),
/// so a harvester sees the same identity on every visit and in both serialisations.
/// </summary>
public static class DcatCatalogDocument
{
    /// <param name="root">The gateway's public root URL (no trailing slash), from configuration.</param>
    public static RdfGraph Build(CatalogOpenDataCatalog catalog, IReadOnlyList<OpenDataDataset> datasets, string root)
    {
        var graph = new RdfGraph(Prefixes);
        var document = root + OpenDataRoutes.CatalogTurtle;
        var catalogNode = graph.Describe(new RdfIri(document + "#catalog"))
            .Add(RdfType, CatalogClass)
            .Add(Title, RdfLiteral.German(catalog.Title))
            .Add(Description, RdfLiteral.German(catalog.Description))
            .Add(Publisher, new RdfIri(document + "#publisher"))
            .AddIfPresent(Homepage, catalog.Homepage is { } homepage ? new RdfIri(homepage) : null)
            .Add(ThemeTaxonomy, new RdfIri(OpenDataVocabulary.ThemeScheme));
        if (datasets.Count > 0) catalogNode.Add(Modified, Timestamp(datasets.Max(d => d.ModifiedAt)));
        foreach (var dataset in datasets) catalogNode.Add(HasDataset, DatasetIri(document, dataset));
        DescribeAgent(graph, new RdfIri(document + "#publisher"), catalog.Publisher);

        foreach (var dataset in datasets) DescribeDataset(graph, document, root, dataset);
        return graph;
    }

    private static RdfIri DatasetIri(string document, OpenDataDataset dataset) => new($"{document}#dataset-{dataset.JurisdictionId}");

    private static void DescribeDataset(RdfGraph graph, string document, string root, OpenDataDataset dataset)
    {
        var metadata = dataset.Metadata;
        var id = DatasetIri(document, dataset);
        var title = metadata.Title ?? $"Mängelmeldungen {dataset.JurisdictionName}";
        var node = graph.Describe(id)
            .Add(RdfType, DatasetClass)
            .Add(Title, RdfLiteral.German(title))
            .Add(Description, RdfLiteral.German(metadata.Description ?? DefaultDescription(dataset.JurisdictionName)))
            .Add(Identifier, new RdfLiteral(id.Value))
            .Add(Publisher, new RdfIri($"{document}#publisher-{dataset.JurisdictionId}"))
            .Add(ContactPoint, new RdfIri($"{document}#contact-{dataset.JurisdictionId}"))
            .Add(ContributorId, new RdfIri(metadata.ContributorIri));
        foreach (var theme in metadata.ThemeIris) node.Add(Theme, new RdfIri(theme));
        foreach (var keyword in metadata.Keywords) node.Add(Keyword, RdfLiteral.German(keyword));
        node.AddIfPresent(Spatial, metadata.SpatialIri is { } spatial ? new RdfIri(spatial) : null)
            .AddIfPresent(LandingPage, metadata.LandingPage is { } page ? new RdfIri(page) : null)
            .Add(Issued, metadata.Issued is { } issued
                ? new RdfLiteral(issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date)
                : Timestamp(dataset.IssuedAt))
            .Add(Modified, Timestamp(dataset.ModifiedAt));
        foreach (var format in OpenDataDistributionFormat.All) node.Add(HasDistribution, DistributionIri(document, dataset, format));

        DescribeAgent(graph, new RdfIri($"{document}#publisher-{dataset.JurisdictionId}"), metadata.Publisher);
        graph.Describe(new RdfIri($"{document}#contact-{dataset.JurisdictionId}"))
            .Add(RdfType, VcardOrganization)
            .Add(FormattedName, RdfLiteral.German(metadata.ContactPoint.Name))
            .AddIfPresent(HasEmail, metadata.ContactPoint.Email is { } email ? new RdfIri("mailto:" + email) : null)
            .AddIfPresent(HasUrl, metadata.ContactPoint.Url is { } url ? new RdfIri(url) : null);

        foreach (var format in OpenDataDistributionFormat.All)
        {
            var download = new RdfIri(OpenDataRoutes.ExportUrl(root, dataset.JurisdictionId, format.FileName));
            graph.Describe(DistributionIri(document, dataset, format))
                .Add(RdfType, DistributionClass)
                .Add(Title, RdfLiteral.German($"{title} ({format.Label})"))
                .Add(AccessUrl, download)
                .Add(DownloadUrl, download)
                .Add(Format, new RdfIri(format.FileTypeIri))
                .Add(MediaType, new RdfIri(format.MediaTypeIri))
                .Add(License, new RdfIri(metadata.LicenseIri))
                .AddIfPresent(LicenseAttributionByText, metadata.Attribution is { } attribution ? RdfLiteral.German(attribution) : null)
                .Add(Modified, Timestamp(dataset.ModifiedAt));
        }
    }

    private static RdfIri DistributionIri(string document, OpenDataDataset dataset, OpenDataDistributionFormat format) =>
        new($"{document}#distribution-{dataset.JurisdictionId}-{Path.GetExtension(format.FileName).TrimStart('.')}");

    private static void DescribeAgent(RdfGraph graph, RdfIri iri, CatalogAgent agent) =>
        graph.Describe(iri)
            .Add(RdfType, Organization)
            .Add(Name, RdfLiteral.German(agent.Name))
            .AddIfPresent(Homepage, agent.Url is { } url ? new RdfIri(url) : null);

    private static string DefaultDescription(string jurisdictionName) =>
        $"Meldungen über Mängel im öffentlichen Raum, die bei {jurisdictionName} über die Open311-Schnittstelle (GeoReport v2) "
        + "eingegangen sind: Kategorie, Beschreibung, Ort, Status und Zeitpunkte, so wie die öffentliche Schnittstelle sie zeigt. "
        + "Ohne personenbezogene Daten; nicht veröffentlichte Meldungen fehlen.";

    // UTC, to the second: a harvester compares the value, and sub-second digits would only suggest a precision it cannot use.
    private static RdfLiteral Timestamp(DateTimeOffset time) =>
        new(time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), DcatTerms.DateTime);
}
