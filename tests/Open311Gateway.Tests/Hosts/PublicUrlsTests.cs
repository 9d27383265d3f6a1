using Open311Gateway.Api.Hosts;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Tests.Hosts;

public sealed class PublicUrlsTests
{
    [Theory]
    [InlineData("https://open311.example.org/open311/v2", "/open311/v2", "https://open311.example.org")]
    [InlineData("https://open311.example.org/open311/v2/", "/open311/v2", "https://open311.example.org")]
    [InlineData("https://example.org/stadt/open311/v2", "/open311/v2", "https://example.org/stadt")]
    [InlineData("https://open311.example.org", "/", "https://open311.example.org")]
    [InlineData("https://open311.example.org/georeport", "/open311/v2", null)]
    [InlineData(null, "/open311/v2", null)]
    public void The_root_is_the_public_url_without_the_base_path(string? publicUrl, string basePath, string? root) =>
        Assert.Equal(root, PublicUrls.RootOf(new Open311Options { PublicUrl = publicUrl, BasePath = basePath }));
}
