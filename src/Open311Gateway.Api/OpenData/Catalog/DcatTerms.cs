using Open311Gateway.Api.OpenData.Catalog.Rdf;

namespace Open311Gateway.Api.OpenData.Catalog;

/// <summary>The terms of DCAT, DCAT-AP.de and their companions that the catalogue uses, and the prefixes it writes them with.</summary>
public static class DcatTerms
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Dcat = "http://www.w3.org/ns/dcat#";
    public const string Dct = "http://purl.org/dc/terms/";
    public const string Dcatde = "http://dcat-ap.de/def/dcatde/";
    public const string Foaf = "http://xmlns.com/foaf/0.1/";
    public const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    public static IReadOnlyList<(string Prefix, string Namespace)> Prefixes { get; } =
        [("rdf", Rdf), ("dcat", Dcat), ("dct", Dct), ("dcatde", Dcatde), ("foaf", Foaf), ("vcard", Vcard), ("xsd", Xsd)];

    public static readonly RdfIri RdfType = new(Rdf + "type");

    public static readonly RdfIri CatalogClass = new(Dcat + "Catalog");
    public static readonly RdfIri DatasetClass = new(Dcat + "Dataset");
    public static readonly RdfIri DistributionClass = new(Dcat + "Distribution");
    public static readonly RdfIri HasDataset = new(Dcat + "dataset");
    public static readonly RdfIri HasDistribution = new(Dcat + "distribution");
    public static readonly RdfIri ThemeTaxonomy = new(Dcat + "themeTaxonomy");
    public static readonly RdfIri Theme = new(Dcat + "theme");
    public static readonly RdfIri Keyword = new(Dcat + "keyword");
    public static readonly RdfIri ContactPoint = new(Dcat + "contactPoint");
    public static readonly RdfIri AccessUrl = new(Dcat + "accessURL");
    public static readonly RdfIri DownloadUrl = new(Dcat + "downloadURL");
    public static readonly RdfIri MediaType = new(Dcat + "mediaType");
    public static readonly RdfIri LandingPage = new(Dcat + "landingPage");

    public static readonly RdfIri Title = new(Dct + "title");
    public static readonly RdfIri Description = new(Dct + "description");
    public static readonly RdfIri Identifier = new(Dct + "identifier");
    public static readonly RdfIri Publisher = new(Dct + "publisher");
    public static readonly RdfIri Spatial = new(Dct + "spatial");
    public static readonly RdfIri Issued = new(Dct + "issued");
    public static readonly RdfIri Modified = new(Dct + "modified");
    public static readonly RdfIri Format = new(Dct + "format");
    public static readonly RdfIri License = new(Dct + "license");

    public static readonly RdfIri ContributorId = new(Dcatde + "contributorID");
    public static readonly RdfIri LicenseAttributionByText = new(Dcatde + "licenseAttributionByText");

    public static readonly RdfIri Organization = new(Foaf + "Organization");
    public static readonly RdfIri Name = new(Foaf + "name");
    public static readonly RdfIri Homepage = new(Foaf + "homepage");

    public static readonly RdfIri VcardOrganization = new(Vcard + "Organization");
    public static readonly RdfIri FormattedName = new(Vcard + "fn");
    public static readonly RdfIri HasEmail = new(Vcard + "hasEmail");
    public static readonly RdfIri HasUrl = new(Vcard + "hasURL");

    public static readonly RdfIri Date = new(Xsd + "date");
    public static readonly RdfIri DateTime = new(Xsd + "dateTime");
}
