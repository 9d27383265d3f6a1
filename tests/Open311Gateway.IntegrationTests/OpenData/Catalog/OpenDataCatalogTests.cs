using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.OpenData.Catalog;

/// <summary>
/// <c>/opendata/catalog.ttl</c> and <c>.jsonld</c> (ADR 24): one dataset per jurisdiction with an open_data block, its
/// exports as distributions at URLs made from Open311:PublicUrl, and a modification time the public can see.
/// </summary>
public sealed class OpenDataCatalogTests(OpenDataCatalogApp app) : IClassFixture<OpenDataCatalogApp>
{
    private const string Teststadt = CatalogGraph.Document + "#dataset-teststadt.de";
    private const string Leerdorf = CatalogGraph.Document + "#dataset-leerdorf.de";

    private async Task<CatalogGraph> CatalogAsync()
    {
        var response = await app.Client.GetAsync("/opendata/catalog.jsonld");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return new CatalogGraph(await response.Content.ReadAsStringAsync());
    }

    private static string Seconds(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> PostAsync(string serviceCode, params (string, string)[] extra)
    {
        var response = await app.Client.PostFormAsync("requests.json",
            [("api_key", app.ApiKey), ("jurisdiction_id", "teststadt.de"), ("service_code", serviceCode), ("lat", "52.52"), ("long", "13.405"), .. extra]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        await using var db = app.Database.CreateDbContext();
        return await db.ServiceRequests.MaxAsync(r => r.Id);
    }

    [Fact]
    public async Task The_catalogue_lists_a_dataset_per_jurisdiction_with_open_data_and_its_two_exports()
    {
        var graph = await CatalogAsync();
        var catalog = CatalogGraph.Document + "#catalog";

        Assert.Equal(["dcat:Catalog"], graph.Types(catalog));
        Assert.Equal("Offene Mängelmeldungen der Testregion", graph.Single(catalog, "dct:title"));
        Assert.Equal([Leerdorf, Teststadt], graph.Values(catalog, "dcat:dataset"));
        Assert.Equal("Zweckverband Testregion", graph.Single(graph.Single(catalog, "dct:publisher"), "foaf:name"));
        Assert.DoesNotContain(graph.Ids, id => id.Contains("nachbarort", StringComparison.Ordinal));

        Assert.Equal("Mängelmeldungen der Stadt Teststadt", graph.Single(Teststadt, "dct:title"));
        Assert.Equal("http://dcat-ap.de/def/contributors/openNRW", graph.Single(Teststadt, "dcatde:contributorID"));
        Assert.Equal(["Mängelmelder", "Schlagloch"], graph.Values(Teststadt, "dcat:keyword"));
        Assert.Equal("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/05315000", graph.Single(Teststadt, "dct:spatial"));
        var contact = graph.Single(Teststadt, "dcat:contactPoint");
        Assert.Equal(["vcard:Organization"], graph.Types(contact));
        Assert.Equal("mailto:buergerbuero@teststadt.example", graph.Single(contact, "vcard:hasEmail"));

        var distributions = graph.Values(Teststadt, "dcat:distribution");
        Assert.Equal(
            [
                (OpenDataCatalogApp.PublicRoot + "/opendata/teststadt.de/requests.geojson", "http://publications.europa.eu/resource/authority/file-type/GEOJSON",
                    "https://www.iana.org/assignments/media-types/application/geo+json"),
                (OpenDataCatalogApp.PublicRoot + "/opendata/teststadt.de/requests.csv", "http://publications.europa.eu/resource/authority/file-type/CSV",
                    "https://www.iana.org/assignments/media-types/text/csv"),
            ],
            distributions.Select(d => (graph.Single(d, "dcat:downloadURL"), graph.Single(d, "dct:format"), graph.Single(d, "dcat:mediaType"))));
        Assert.All(distributions, d => Assert.Equal("http://dcat-ap.de/def/licenses/dl-by-de/2.0", graph.Single(d, "dct:license")));
        Assert.All(distributions, d => Assert.Equal(graph.Single(d, "dcat:downloadURL"), graph.Single(d, "dcat:accessURL")));

        // Defaults where the block is short: a title from the name, GovData's theme for public administration.
        Assert.Equal("Mängelmeldungen Gemeinde Leerdorf", graph.Single(Leerdorf, "dct:title"));
        Assert.Equal(["http://publications.europa.eu/resource/authority/data-theme/GOVE"], graph.Values(Leerdorf, "dcat:theme"));
    }

    [Fact]
    public async Task Modified_is_the_newest_change_of_a_public_report_and_issued_the_first_import_with_open_data()
    {
        var published = await PostAsync("SCHLAGLOCH", ("attribute[GROESSE]", "klein"), ("email", "erika@example.org"), ("first_name", "Erika"));
        var anHourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await using (var db = app.Database.CreateDbContext())
        {
            // Reports other tests of this class posted are older still, so the newest public change is known.
            await db.ServiceRequests.ExecuteUpdateAsync(u => u.SetProperty(r => r.PublicChangedAt, anHourAgo.AddHours(-1)));
            await db.ServiceRequests.Where(r => r.Id == published).ExecuteUpdateAsync(u => u.SetProperty(r => r.PublicChangedAt, anHourAgo));
        }
        // Newer, but nothing the public sees: a private service's report, a blackbox report, a held one.
        await PostAsync("NACHBAR", ("description", "Der Nachbar parkt schon wieder auf dem Gehweg."));
        await PostAsync("HINWEIS", ("description", "Nur ein Hinweis"));
        var held = await PostAsync("SCHLAGLOCH", ("attribute[GROESSE]", "klein"));
        await using (var db = app.Database.CreateDbContext())
            await db.ServiceRequests.Where(r => r.Id == held).ExecuteUpdateAsync(u => u.SetProperty(r => r.Moderation, ModerationStates.Held));

        var graph = await CatalogAsync();

        Assert.Equal(Seconds(anHourAgo), graph.Single(Teststadt, "dct:modified"));
        Assert.All(graph.Values(Teststadt, "dcat:distribution"), d => Assert.Equal(Seconds(anHourAgo), graph.Single(d, "dct:modified")));
        await using var check = app.Database.CreateDbContext();
        var leerdorf = await check.Jurisdictions.SingleAsync(j => j.Id == "leerdorf.de");
        // No report at all: the catalogue's import time.
        Assert.Equal(Seconds(leerdorf.ImportedAt), graph.Single(Leerdorf, "dct:modified"));
        Assert.Equal(Seconds(leerdorf.OpenDataIssuedAt!.Value), graph.Single(Leerdorf, "dct:issued"));
        // Metadata, not data: nothing a citizen sent appears in it.
        Assert.DoesNotContain(graph.AllValues, v => v.Contains("erika", StringComparison.OrdinalIgnoreCase) || v.Contains("Nachbar parkt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_url_comes_from_the_public_url_whatever_host_the_client_names()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/opendata/catalog.ttl");
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        var response = await app.Client.SendAsync(request);
        var turtle = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/turtle; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.DoesNotContain("evil.example", turtle, StringComparison.Ordinal);
        Assert.Contains($"dcat:downloadURL <{OpenDataCatalogApp.PublicRoot}/opendata/teststadt.de/requests.geojson>", turtle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_harvester_that_sends_the_etag_back_gets_304_until_the_catalogue_changes()
    {
        var first = await app.Client.GetAsync("/opendata/catalog.ttl");
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/opendata/catalog.ttl");
        again.Headers.IfNoneMatch.Add(etag);
        var unchanged = await app.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        await PostAsync("SCHLAGLOCH", ("attribute[GROESSE]", "klein"));
        await using (var db = app.Database.CreateDbContext())
            await db.ServiceRequests.ExecuteUpdateAsync(u => u.SetProperty(r => r.PublicChangedAt, r => r.PublicChangedAt.AddSeconds(5)));
        using var later = new HttpRequestMessage(HttpMethod.Get, "/opendata/catalog.ttl");
        later.Headers.IfNoneMatch.Add(etag);
        var changed = await app.Client.SendAsync(later);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Without_a_public_url_the_catalogue_is_not_served_rather_than_built_from_the_host_header()
    {
        await using var host = app.CreateHost([new("Open311:PublicUrl", ""), new("AllowedHosts", "localhost")]);
        var response = await host.CreateClient().GetAsync("/opendata/catalog.ttl");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Open311:PublicUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
