using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Http;

/// <summary>HEAD on a GET resource answers as GET does, status and headers alike, without the body (RFC 9110 9.3.2).</summary>
public sealed class HeadRequestTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Theory]
    [InlineData("/open311/v2/discovery.json")]
    [InlineData("/open311/v2/discovery.xml")]
    [InlineData("/open311/v2/services.json")]
    [InlineData("/open311/v2/services/SCHLAGLOCH.xml")]
    [InlineData("/open311/v2/requests.json")]
    [InlineData("/open311/v2/requests/{id}.xml")]
    [InlineData("/open311/v2/requests/999999.json")]
    [InlineData("/open311/v2/tokens/no-such-token.json")]
    [InlineData("/open311/v2/servicerequestupdates.json")]
    [InlineData("/openapi.yaml")]
    [InlineData("/media/no-such-photo.jpg")]
    [InlineData("/health/ready")]
    [InlineData("/nowhere")]
    public async Task Head_answers_like_get_without_a_body(string path)
    {
        if (path.Contains("{id}", StringComparison.Ordinal))
            path = path.Replace("{id}", (await Rows.InsertAsync(app, DateTimeOffset.UtcNow.AddHours(-1))).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var get = await app.Client.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength ?? getBody.Length);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_on_a_post_only_resource_is_still_not_allowed()
    {
        var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/backoffice/v1/requests/1/updates"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
