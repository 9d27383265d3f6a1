using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Open311Gateway.Tests.Photos;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>A photo uploaded with a report reaches the back office as a URL that serves the cleaned photo; no URL is ever fetched.</summary>
public sealed class PhotoDeliveryTests(PhotoDeliveryTestBed bed) : IClassFixture<PhotoDeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_multipart_photo_reaches_the_webhook_as_a_media_url_serving_the_stripped_photo_and_no_media_url_is_fetched()
    {
        // A client's own media_url points at a listener that would see any connection the API or the worker made to it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var linked = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/eigenes-foto.jpg";
            using var content = new MultipartFormDataContent();
            foreach (var (name, value) in HttpHelpers.Pothole(bed.Api.ApiKey, ("description", "Mit Foto"), ("media_url", linked)))
                content.Add(new StringContent(value), name);
            content.Add(new ByteArrayContent(TestPhotos.JpegFromPhone()), "media", "IMG_4711.JPG");
            var response = await bed.Api.Client.PostAsync(HttpHelpers.Base + "requests.json", content);
            var answer = await response.JsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, answer.ToString());
            var id = (string)answer[0]!["service_request_id"]!;

            await bed.WaitUntilAsync(async () => (await DeliveryOf(id))?.State == DeliveryStates.Delivered, Patience, $"report {id} is delivered");

            var body = Assert.Single(bed.BackOffice.Received, r => r.IdempotencyKey == id).Json;
            var mediaUrls = body["media_urls"]!.Select(u => (string)u!).ToList();
            Assert.Equal(2, mediaUrls.Count);
            Assert.Matches("^http://localhost/media/[0-9a-f]{32}\\.jpg$", mediaUrls[0]);
            Assert.Equal(linked, mediaUrls[1]);

            var served = await bed.Api.Client.GetAsync(new Uri(mediaUrls[0]).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.ToString());
            PhotoAssert.UprightAndClean(await served.Content.ReadAsByteArrayAsync());

            Assert.False(listener.Pending(), "The API or the worker connected to the client's media_url.");
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task<Delivery?> DeliveryOf(string serviceRequestId) =>
        (await bed.DeliveriesAsync()).SingleOrDefault(d => d.ServiceRequestId == long.Parse(serviceRequestId, CultureInfo.InvariantCulture) && d.Kind == DeliveryKinds.Request);
}
