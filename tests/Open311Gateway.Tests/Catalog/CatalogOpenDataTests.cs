using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Tests.Catalog;

/// <summary>
/// The open-data keys (ADR 24): a top-level <c>open_data</c> block for the DCAT catalogue and one per jurisdiction for
/// its dataset, checked against the DCAT-AP.de vocabularies so that no file can publish a catalogue GovData refuses.
/// </summary>
public class CatalogOpenDataTests
{
    private const string Top = """
        open_data:
          title: Mängelmeldungen
          description: Öffentliche Meldungen der Gemeinde.
          publisher: { name: Gemeinde Kleindorf, url: https://www.kleindorf.example }
          homepage: https://www.kleindorf.example/maengel
        """;

    // The jurisdiction's block starts on line 9 when the top-level block is there (5 lines before jurisdictions:).
    private static string Catalogue(string block, string top = Top) => $"""
        {top}
        jurisdictions:
          - id: kleindorf.de
            name: Gemeinde Kleindorf
            open_data:
        {block}
        """;

    private const string Minimal = """
              license: dl-by-de/2.0
              contributor_id: openNRW
              publisher: { name: Gemeinde Kleindorf }
              contact_point: { name: Bürgerbüro, email: buergerbuero@kleindorf.example }
        """;

    [Fact]
    public void A_full_block_is_read_with_every_value_as_the_iri_the_catalogue_serves()
    {
        var catalog = CatalogAssert.Valid(Catalogue("""
                  title: Mängelmeldungen Kleindorf
                  description: Alles, was gemeldet wurde.
                  license: http://dcat-ap.de/def/licenses/dl-zero-de/2.0
                  attribution: Gemeinde Kleindorf
                  contributor_id: http://dcat-ap.de/def/contributors/openNRW
                  publisher: { name: Gemeinde Kleindorf, url: https://www.kleindorf.example }
                  contact_point: { name: Bürgerbüro, email: buergerbuero@kleindorf.example, url: https://www.kleindorf.example/kontakt }
                  keywords: [Mängelmelder, Straße, Straße]
                  themes: [GOVE, http://publications.europa.eu/resource/authority/data-theme/TRAN]
                  spatial: http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05315000
                  landing_page: https://www.kleindorf.example/maengel
                  issued: 2025-03-01
            """));

        Assert.Equal(new CatalogOpenDataCatalog("Mängelmeldungen", "Öffentliche Meldungen der Gemeinde.",
            new CatalogAgent("Gemeinde Kleindorf", "https://www.kleindorf.example"), "https://www.kleindorf.example/maengel"), catalog.OpenData);
        var openData = catalog.Jurisdictions.Single().OpenData!;
        Assert.Equal("http://dcat-ap.de/def/licenses/dl-zero-de/2.0", openData.LicenseIri);
        Assert.Equal("http://dcat-ap.de/def/contributors/openNRW", openData.ContributorIri);
        Assert.Equal(new CatalogContactPoint("Bürgerbüro", "buergerbuero@kleindorf.example", "https://www.kleindorf.example/kontakt"), openData.ContactPoint);
        Assert.Equal(["Mängelmelder", "Straße"], openData.Keywords);
        Assert.Equal(["http://publications.europa.eu/resource/authority/data-theme/GOVE", "http://publications.europa.eu/resource/authority/data-theme/TRAN"],
            openData.ThemeIris);
        Assert.Equal(("Mängelmeldungen Kleindorf", "Alles, was gemeldet wurde.", "Gemeinde Kleindorf"), (openData.Title, openData.Description, openData.Attribution));
        Assert.Equal("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05315000", openData.SpatialIri);
        Assert.Equal(new DateOnly(2025, 3, 1), openData.Issued);
    }

    [Fact]
    public void Without_keywords_and_themes_a_dataset_gets_the_defaults_and_without_a_block_none_is_published()
    {
        var openData = CatalogAssert.Valid(Catalogue(Minimal)).Jurisdictions.Single().OpenData!;
        Assert.Equal(["Mängelmelder", "Open311"], openData.Keywords);
        Assert.Equal(["http://publications.europa.eu/resource/authority/data-theme/GOVE"], openData.ThemeIris);
        Assert.Null(openData.Title);

        var plain = CatalogAssert.Valid("jurisdictions:\n  - id: kleindorf.de\n    name: Gemeinde Kleindorf\n");
        Assert.Null(plain.OpenData);
        Assert.Null(plain.Jurisdictions.Single().OpenData);
    }

    [Theory]
    [InlineData("my-own-licence/1.0", "is not in the DCAT-AP.de licence vocabulary")]
    [InlineData("http://dcat-ap.de/def/licenses/proprietary", "is not in the DCAT-AP.de licence vocabulary")]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", "is not in the DCAT-AP.de licence vocabulary")]
    [InlineData("DL-BY-DE/2.0", "is not in the DCAT-AP.de licence vocabulary")]
    [InlineData("other-closed", "is not an open licence")]
    [InlineData("cc-by-nc/4.0", "is not an open licence")]
    public void A_licence_outside_the_open_licences_of_the_vocabulary_is_refused_at_its_line(string license, string reason) =>
        CatalogAssert.SingleError(Catalogue(Minimal.Replace("dl-by-de/2.0", license)), 10, null,
            "jurisdictions[0].open_data.license", reason, "dl-by-de/2.0, dl-zero-de/2.0");

    [Theory]
    [InlineData("license: dl-by-de/2.0", "jurisdictions[0].open_data.license is missing")]
    [InlineData("contributor_id: openNRW", "jurisdictions[0].open_data.contributor_id is missing")]
    [InlineData("publisher: { name: Gemeinde Kleindorf }", "jurisdictions[0].open_data.publisher is missing")]
    [InlineData("contact_point: { name: Bürgerbüro, email: buergerbuero@kleindorf.example }", "jurisdictions[0].open_data.contact_point is missing")]
    public void Licence_contributor_publisher_and_contact_point_are_required(string removedLine, string message) =>
        Assert.Contains(CatalogAssert.Invalid(Catalogue(Minimal.Replace(removedLine, ""))), e => e.Message.StartsWith(message, StringComparison.Ordinal));

    [Theory]
    [InlineData("contributor_id: openNRW", "contributor_id: Open NRW", "is not an entry of GovData's contributor list")]
    [InlineData("contributor_id: openNRW", "contributor_id: https://example.org/contributors/openNRW", "is not an entry of GovData's contributor list")]
    [InlineData("email: buergerbuero@kleindorf.example", "email: Bürgerbüro <buergerbuero@kleindorf.example>", "is not a mail address")]
    [InlineData("email: buergerbuero@kleindorf.example", "phone: 0123", "unknown key 'phone'")]
    [InlineData("email: buergerbuero@kleindorf.example", "url: ftp://kleindorf.example", "is not an absolute http(s) URL")]
    [InlineData("publisher: { name: Gemeinde Kleindorf }", "publisher: { name: Gemeinde Kleindorf, url: kleindorf.example }", "is not an absolute http(s) URL")]
    [InlineData("publisher: { name: Gemeinde Kleindorf }", "publisher: { name: Gemeinde Kleindorf, url: 'https://kleindorf.example/<b>' }", "is not an absolute http(s) URL")]
    [InlineData("email: buergerbuero@kleindorf.example", "email: '\"b\\\"uero\"@kleindorf.example'", "is not a mail address")]
    [InlineData("license: dl-by-de/2.0", "license: dl-by-de/2.0\n      themes: [STRASSE]", "is not one of the EU data themes")]
    [InlineData("license: dl-by-de/2.0", "license: dl-by-de/2.0\n      spatial: Kleindorf", "is not an IRI")]
    [InlineData("license: dl-by-de/2.0", "license: dl-by-de/2.0\n      issued: 1.3.2025", "is not a date such as 2026-01-15")]
    [InlineData("license: dl-by-de/2.0", "license: dl-by-de/2.0\n      keywords: []", "must list at least one keyword")]
    [InlineData("license: dl-by-de/2.0", "license: dl-by-de/2.0\n      api_key: abc", "belong in configuration")]
    public void Wrong_values_are_refused_with_their_path(string line, string replacement, string message) =>
        Assert.Contains(CatalogAssert.Invalid(Catalogue(Minimal.Replace(line, replacement))), e => e.Message.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void A_contact_point_needs_a_way_to_reach_it() =>
        CatalogAssert.SingleError(Catalogue(Minimal.Replace(", email: buergerbuero@kleindorf.example", "")), 13, null,
            "jurisdictions[0].open_data.contact_point needs an email or a url");

    [Fact]
    public void A_dataset_needs_the_catalogues_own_block() =>
        CatalogAssert.SingleError(Catalogue(Minimal, top: "# no catalogue block"), 6, null,
            "jurisdictions[0].open_data needs the catalogue's own top-level open_data block");

    [Fact]
    public void The_catalogues_block_needs_title_description_and_publisher()
    {
        var errors = CatalogAssert.Invalid(Catalogue(Minimal, top: "open_data:\n  homepage: https://www.kleindorf.example\n\n\n"));
        Assert.Equal(["open_data.title is missing", "open_data.description is missing", "open_data.publisher is missing (such as publisher: { name: Stadt Musterstadt, url: https://www.musterstadt.de })"],
            errors.Select(e => e.Message));
    }
}
