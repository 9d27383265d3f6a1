using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.Data;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="GatewayApp"/> whose catalogue is imported from <see cref="Yaml"/> (open data for teststadt.de and
/// leerdorf.de, none for nachbarort.de), told its public URL and letting every Host through, so that a test can show
/// that the catalogue's URLs never follow the Host header (ADR 24).
/// </summary>
public sealed class OpenDataCatalogApp : GatewayApp
{
    public const string PublicUrl = "https://open311.teststadt.example/open311/v2";
    public const string PublicRoot = "https://open311.teststadt.example";

    public const string Yaml = """
        open_data:
          title: Offene Mängelmeldungen der Testregion
          description: Öffentliche Meldungen aus Teststadt und Leerdorf.
          publisher: { name: Zweckverband Testregion, url: https://www.testregion.example }
          homepage: https://www.testregion.example/offene-daten
        jurisdictions:
          - id: teststadt.de
            name: Stadt Teststadt
            open_data:
              title: Mängelmeldungen der Stadt Teststadt
              license: dl-by-de/2.0
              attribution: Stadt Teststadt
              contributor_id: openNRW
              publisher: { name: Stadt Teststadt, url: https://www.teststadt.example }
              contact_point: { name: Bürgerbüro Teststadt, email: buergerbuero@teststadt.example, url: https://www.teststadt.example/kontakt }
              keywords: [Mängelmelder, Schlagloch]
              themes: [GOVE, TRAN]
              spatial: http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05315000
              landing_page: https://www.teststadt.example/maengel
            services:
              - code: SCHLAGLOCH
                name: Schlagloch
                attributes:
                  - code: GROESSE
                    description: Wie groß?
                    datatype: singlevaluelist
                    required: true
                    values: [{ key: klein, name: Klein }]
              - code: NACHBAR
                name: Ärger mit Nachbarn
                private: true
              - code: HINWEIS
                name: Allgemeiner Hinweis
                type: blackbox
          - id: leerdorf.de
            name: Gemeinde Leerdorf
            open_data:
              license: dl-zero-de/2.0
              contributor_id: openNRW
              publisher: { name: Gemeinde Leerdorf }
              contact_point: { name: Gemeinde Leerdorf, url: https://www.leerdorf.example }
              landing_page: https://www.leerdorf.example/maengel
            services:
              - code: LAUB
                name: Laub
          - id: nachbarort.de
            name: Gemeinde Nachbarort
            services:
              - code: SCHLAGLOCH
                name: Schlagloch
        """;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("AllowedHosts", "*"), new("Open311:PublicUrl", PublicUrl)];

    protected override async Task SeedMoreAsync(GatewayDbContext db)
    {
        var result = await new CatalogImporter(db, TimeProvider.System).ImportAsync(new StringReader(Yaml));
        Assert.True(result.Succeeded, result.ToString());
    }
}
