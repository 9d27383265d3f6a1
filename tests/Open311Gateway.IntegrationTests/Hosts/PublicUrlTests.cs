using System.Net;
using System.Net.Http.Headers;
using System.Globalization;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.Tests.Photos;

namespace Open311Gateway.IntegrationTests.Hosts;

/// <summary>
/// Without host filtering, every absolute URL comes from Open311:PublicUrl, whatever Host a client sends (ADR 17):
/// discovery's endpoint, and a photo's media_url, which is stored and sent on to the back office.
/// </summary>
public sealed class PublicUrlTests(PublicUrlApp app) : IClassFixture<PublicUrlApp>
{
    private const string Evil = "evil.example";

    private Task<HttpResponseMessage> SendWithHostAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Host = Evil;
        return app.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("discovery.json")]
    [InlineData("discovery.xml")]
    public async Task Discovery_names_the_configured_url_whatever_the_host_header(string resource)
    {
        var response = await SendWithHostAsync(HttpMethod.Get, HttpHelpers.Base + resource);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PublicUrlApp.PublicUrl, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_photo_s_media_url_is_under_the_configured_root_whatever_the_host_header()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in HttpHelpers.Pothole(app.ApiKey)) content.Add(new StringContent(value), name);
        var photo = new ByteArrayContent(TestPhotos.JpegFromPhone());
        photo.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
        content.Add(photo, "media", "IMG_0001.jpg");

        var answer = await Open311Assert.JsonAnswer(await SendWithHostAsync(HttpMethod.Post, HttpHelpers.Base + "requests.json", content));
        var row = await Rows.FindAsync(app, long.Parse((string)answer[0]!["service_request_id"]!, CultureInfo.InvariantCulture));
        var mediaUrl = Assert.Single(row.MediaUrls);
        Assert.StartsWith("https://open311.teststadt.example/media/", mediaUrl, StringComparison.Ordinal);
        var published = await SendWithHostAsync(HttpMethod.Get, HttpHelpers.Base + $"requests/{row.Id}.json");
        Assert.DoesNotContain(Evil, await published.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
