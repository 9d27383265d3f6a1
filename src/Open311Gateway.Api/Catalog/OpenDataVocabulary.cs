namespace Open311Gateway.Api.Catalog;

/// <summary>
/// The controlled vocabularies that DCAT-AP.de prescribes for the catalogue's open-data keys (ADR 24). The lists are
/// the vocabularies' own entries (copies in specs/opendata/shacl/vocabularies/), so a value the file accepts is one
/// GovData's validator accepts.
/// </summary>
public static class OpenDataVocabulary
{
    public const string LicensePrefix = "http://dcat-ap.de/def/licenses/";
    public const string ContributorPrefix = "http://dcat-ap.de/def/contributors/";
    public const string ThemePrefix = "http://publications.europa.eu/resource/authority/data-theme/";

    /// <summary>The theme taxonomy itself, named by the catalogue.</summary>
    public const string ThemeScheme = "http://publications.europa.eu/resource/authority/data-theme";

    /// <summary>"Government and public sector": where the reports a municipality receives belong unless the file says otherwise.</summary>
    public const string DefaultTheme = "GOVE";

    /// <summary>
    /// The licences of http://dcat-ap.de/def/licenses that GovData counts as open (isOpenLicense true). The closed and
    /// non-commercial entries of the same list (other-closed, cc-by-nc, cc-by-nd, …) are refused: this is open data.
    /// </summary>
    public static IReadOnlyList<string> OpenLicenses { get; } =
    [
        "dl-by-de/2.0", "dl-zero-de/2.0", "dl-by-de/1.0", "cc-by/4.0", "cc-by-sa/4.0", "cc-zero", "ccpdm/1.0", "cc-by",
        "cc-by-de/3.0", "cc-by-sa", "cc-by-sa-de/3.0", "odbl", "odby", "odcpddl", "officialWork", "other-open",
        "geoNutz/20131001", "geonutz/20130319", "apache", "bsd", "gfdl", "gpl/3.0", "mozilla", "other-opensource",
    ];

    /// <summary>In the licence list, but not open.</summary>
    public static IReadOnlyList<string> ClosedLicenses { get; } =
    [
        "cc-by-nc", "cc-by-nc-de/3.0", "cc-by-nc/4.0", "cc-by-nd", "cc-by-nd/3.0", "cc-by-nd/4.0", "dl-by-nc-de/1.0",
        "other-closed", "other-commercial", "other-freeware",
    ];

    /// <summary>The EU data themes (http://publications.europa.eu/resource/authority/data-theme).</summary>
    public static IReadOnlyList<string> Themes { get; } =
        ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN"];

    /// <summary>Keywords of a dataset whose block names none: GovData asks for at least one.</summary>
    public static IReadOnlyList<string> DefaultKeywords { get; } = ["Mängelmelder", "Open311"];
}
