using System.Net;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.OpenData.Catalog;

/// <summary>A gateway whose catalogue file has no open_data block publishes no catalogue, and says why.</summary>
public sealed class OpenDataCatalogAbsentTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Theory]
    [InlineData("/opendata/catalog.ttl")]
    [InlineData("/opendata/catalog.jsonld")]
    public async Task Without_the_top_level_block_the_catalogue_is_404_in_plain_words(string path)
    {
        await using var host = app.CreateHost([new("Open311:PublicUrl", OpenDataCatalogApp.PublicUrl)]);
        var response = await host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("This gateway publishes no open-data catalogue: its catalogue file has no top-level open_data block.",
            await response.Content.ReadAsStringAsync());
    }
}
