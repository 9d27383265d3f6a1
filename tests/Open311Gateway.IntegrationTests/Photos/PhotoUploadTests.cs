using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.Tests.Photos;

namespace Open311Gateway.IntegrationTests.Photos;

/// <summary>
/// Photos with a report: multipart file part, base64 in a form or JSON body; stored without metadata and upright,
/// served at /media/{name}, which becomes the report's media_url. Bad photos answer 400 or 413 and leave nothing.
/// </summary>
public sealed class PhotoUploadTests(PhotoGatewayApp app) : IClassFixture<PhotoGatewayApp>
{
    private static readonly string[] PotholeFields = ["service_code=SCHLAGLOCH", "lat=52.52", "long=13.405", "attribute[GROESSE]=klein"];

    private MultipartFormDataContent Multipart(byte[]? photo, string fileName = "IMG_0001.gif", string partType = "text/plain", params (string, string)[] extra)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in HttpHelpers.Pothole(app.ApiKey, extra)) content.Add(new StringContent(value), name);
        if (photo is not null)
        {
            // Name and part type lie on purpose: the bytes decide.
            var part = new ByteArrayContent(photo);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(partType);
            content.Add(part, "media", fileName);
        }
        return content;
    }

    private Task<HttpResponseMessage> PostMultipartAsync(HttpContent content) => app.Client.PostAsync(HttpHelpers.Base + "requests.json", content);

    private static long IdOf(JToken answer) => long.Parse((string)answer[0]!["service_request_id"]!, CultureInfo.InvariantCulture);

    private async Task<byte[]> ServedPhotoAsync(string url)
    {
        var response = await app.Client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Sends, expects <paramref name="status"/> with an Open311 error, and no new report nor stored file.</summary>
    private async Task<List<string>> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        var rows = await Rows.CountAsync(app);
        var files = app.StoredFiles();
        var errors = await Open311Assert.JsonErrors(await send(), status);
        Assert.Equal(rows, await Rows.CountAsync(app));
        Assert.Equal(files, app.StoredFiles());
        return errors;
    }

    [Fact]
    public async Task A_multipart_photo_becomes_the_media_url_and_is_served_upright_without_metadata()
    {
        var answer = await Open311Assert.JsonAnswer(await PostMultipartAsync(Multipart(TestPhotos.JpegFromPhone(), extra: ("media_url", "https://example.org/mehr.jpg"))));

        var row = await Rows.FindAsync(app, IdOf(answer));
        Assert.Equal(2, row.MediaUrls.Count);
        Assert.Matches("^http://localhost/media/[0-9a-f]{32}\\.jpg$", row.MediaUrls[0]);
        Assert.Equal("https://example.org/mehr.jpg", row.MediaUrls[1]);
        Assert.Equal(row.RequestedAt, row.PublicChangedAt);
        var published = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{row.Id}.json"));
        Assert.Equal(row.MediaUrls[0], (string?)published[0]!["media_url"]);

        PhotoAssert.UprightAndClean(await ServedPhotoAsync(row.MediaUrls[0]));
        var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(row.MediaUrls[0]).PathAndQuery));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/jpeg", head.Content.Headers.ContentType?.ToString());
        var name = row.MediaUrls[0][(row.MediaUrls[0].LastIndexOf('/') + 1)..];
        Assert.Contains(name, app.StoredFiles());
        Assert.DoesNotContain(app.StoredFiles(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        PhotoAssert.UprightAndClean(await File.ReadAllBytesAsync(Path.Combine(app.PhotoDirectory, name)));
    }

    [Fact]
    public async Task A_photo_stored_by_one_api_process_is_served_by_another_sharing_the_directory()
    {
        await using var second = app.CreateHost([]);
        using var secondClient = second.CreateClient();
        var answer = await Open311Assert.JsonAnswer(await secondClient.PostAsync(HttpHelpers.Base + "requests.json", Multipart(TestPhotos.WebpFromPhone())));
        var url = (await Rows.FindAsync(app, IdOf(answer))).MediaUrls[0];
        Assert.EndsWith(".webp", url, StringComparison.Ordinal);

        var served = await app.Client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal("image/webp", served.Content.Headers.ContentType?.ToString());
        PhotoAssert.UprightAndClean(await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_base64_photo_in_a_form_body_is_accepted_even_when_its_plus_signs_arrived_as_spaces()
    {
        var base64 = Convert.ToBase64String(TestPhotos.JpegFromPhone(), Base64FormattingOptions.InsertLineBreaks);
        Assert.Contains('+', base64);
        var encoded = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("media", base64))));
        PhotoAssert.UprightAndClean(await ServedPhotoAsync((await Rows.FindAsync(app, IdOf(encoded))).MediaUrls[0]));

        // curl -d "media=$(base64 foto.jpg)" sends + unencoded, which a form reads as a space.
        var sloppy = string.Join("&", [$"api_key={app.ApiKey}", .. PotholeFields, "media=" + base64.Replace("\r\n", "")]);
        var answer = await Open311Assert.JsonAnswer(await app.Client.PostFormTextAsync("requests.json", sloppy));
        PhotoAssert.UprightAndClean(await ServedPhotoAsync((await Rows.FindAsync(app, IdOf(answer))).MediaUrls[0]));
    }

    [Fact]
    public async Task A_base64_photo_in_a_json_body_is_accepted_in_xml_too()
    {
        var body = new JObject
        {
            ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["lat"] = 52.52, ["long"] = 13.405,
            ["attribute"] = new JObject { ["GROESSE"] = "klein" }, ["media"] = Convert.ToBase64String(TestPhotos.PngFromPhone()),
        };
        var response = await app.Client.PostRawAsync("requests.xml", body.ToString(Newtonsoft.Json.Formatting.None), "application/json");
        var id = long.Parse((await Open311Assert.XmlAnswer(response)).Root!.Element("request")!.Element("service_request_id")!.Value, CultureInfo.InvariantCulture);
        var url = Assert.Single((await Rows.FindAsync(app, id)).MediaUrls);
        Assert.EndsWith(".png", url, StringComparison.Ordinal);
        var served = await app.Client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.ToString());
        PhotoAssert.UprightAndClean(await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bytes_that_are_no_jpeg_png_or_webp_answer_400_whatever_their_name_says()
    {
        Assert.Equal(["media is not a JPEG, PNG or WebP image (judged by its bytes, not its name)."],
            await RefusedAsync(() => PostMultipartAsync(Multipart(TestPhotos.Gif(), "foto.jpg", "image/jpeg")), HttpStatusCode.BadRequest));
        Assert.Equal(["media is not a JPEG, PNG or WebP image (judged by its bytes, not its name)."],
            await RefusedAsync(() => PostMultipartAsync(Multipart("<?php echo 1; ?>"u8.ToArray(), "foto.jpg", "image/jpeg")), HttpStatusCode.BadRequest));
        Assert.Equal(["media is not base64 text of an image (nor an uploaded file)."],
            await RefusedAsync(() => app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("media", "kein base64!"))), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header()
    {
        Assert.Equal(["media has 20000×20000 pixels; at most 40000000 pixels are accepted."],
            await RefusedAsync(() => PostMultipartAsync(Multipart(TestPhotos.PngClaiming(20_000, 20_000))), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_report_refused_for_another_reason_stores_no_photo_and_says_everything_at_once()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(app.ApiKey), "api_key" }, { new StringContent("SCHLAGLOCH"), "service_code" },
            { new ByteArrayContent(TestPhotos.Gif()), "media", "a.gif" },
        };
        var errors = await RefusedAsync(() => PostMultipartAsync(content), HttpStatusCode.BadRequest);
        Assert.Contains("A location is required: lat and long, address_string or address_id.", errors);
        Assert.Contains("media is not a JPEG, PNG or WebP image (judged by its bytes, not its name).", errors);

        var valid = new MultipartFormDataContent
        {
            { new StringContent(app.ApiKey), "api_key" }, { new StringContent("SCHLAGLOCH"), "service_code" },
            { new ByteArrayContent(TestPhotos.JpegFromPhone()), "media", "a.jpg" },
        };
        await RefusedAsync(() => PostMultipartAsync(valid), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_photo_whose_report_transaction_fails_is_removed_again()
    {
        await using (var db = app.Database.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
                CREATE TRIGGER refuse_for_test AFTER INSERT ON service_requests FOR EACH ROW
                    WHEN (NEW.description = 'Transaktion scheitert') EXECUTE FUNCTION refuse_for_test();
                """);
        var files = app.StoredFiles();
        var rows = await Rows.CountAsync(app);

        var response = await PostMultipartAsync(Multipart(TestPhotos.JpegFromPhone(), extra: ("description", "Transaktion scheitert")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(rows, await Rows.CountAsync(app));
        Assert.Equal(files, app.StoredFiles());
    }

    [Fact]
    public async Task An_empty_media_is_no_photo_as_a_browser_sends_an_empty_file_input()
    {
        var content = Multipart(null);
        content.Add(new ByteArrayContent([]), "media", "\"\"");
        var multipart = await Open311Assert.JsonAnswer(await PostMultipartAsync(content));
        Assert.Empty((await Rows.FindAsync(app, IdOf(multipart))).MediaUrls);

        var form = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("media", ""))));
        Assert.Empty((await Rows.FindAsync(app, IdOf(form))).MediaUrls);

        var json = $$"""{"api_key":"{{app.ApiKey}}","service_code":"SCHLAGLOCH","address_id":"A","attribute[GROESSE]":"klein","media":null}""";
        var fromJson = await Open311Assert.JsonAnswer(await app.Client.PostRawAsync("requests.json", json, "application/json"));
        Assert.Empty((await Rows.FindAsync(app, IdOf(fromJson))).MediaUrls);
    }

    [Fact]
    public async Task One_photo_per_report()
    {
        var content = Multipart(TestPhotos.JpegFromPhone());
        content.Add(new ByteArrayContent(TestPhotos.JpegFromPhone()), "media", "zwei.jpg");
        Assert.Equal(["media was sent 2 times; a report carries one photo (link more with media_url)."],
            await RefusedAsync(() => PostMultipartAsync(content), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_photo_over_the_limit_answers_413_as_a_file_and_as_base64()
    {
        const string tooLarge = "The photo (media) is larger than 10485760 bytes (as base64 text: 15728643 characters).";
        var eleven = new byte[11 * 1024 * 1024];
        eleven[0] = 0xFF;
        Assert.Equal([tooLarge], await RefusedAsync(() => PostMultipartAsync(Multipart(eleven)), HttpStatusCode.RequestEntityTooLarge));
        var json = $$"""{"api_key":"{{app.ApiKey}}","service_code":"SCHLAGLOCH","address_id":"A","media":"{{Convert.ToBase64String(eleven)}}"}""";
        Assert.Equal([tooLarge], await RefusedAsync(() => app.Client.PostRawAsync("requests.json", json, "application/json"), HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task Only_the_photo_may_pass_the_field_limit()
    {
        const string fieldsTooLarge = "The request's fields are larger than 262144 bytes; only one photo (media) may be larger.";
        var content = Multipart(TestPhotos.JpegFromPhone(), extra: ("description", new string('x', 2 * 1024 * 1024)));
        Assert.Equal([fieldsTooLarge], await RefusedAsync(() => PostMultipartAsync(content), HttpStatusCode.RequestEntityTooLarge));

        var other = Multipart(TestPhotos.JpegFromPhone());
        other.Add(new ByteArrayContent(new byte[3 * 1024 * 1024]), "anhang", "gross.bin");
        Assert.Equal([fieldsTooLarge], await RefusedAsync(() => PostMultipartAsync(other), HttpStatusCode.RequestEntityTooLarge));

        var json = $$"""{"api_key":"{{app.ApiKey}}","media":"{{Convert.ToBase64String(TestPhotos.JpegFromPhone())}}","description":"{{new string('x', 2 * 1024 * 1024)}}"}""";
        Assert.Equal([fieldsTooLarge], await RefusedAsync(() => app.Client.PostRawAsync("requests.json", json, "application/json"), HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task Fifty_mib_of_junk_answers_413_in_every_body_type_with_or_without_a_length()
    {
        const string fieldsTooLarge = "The request's fields are larger than 262144 bytes; only one photo (media) may be larger.";
        const string bodyTooLarge = "The request body is larger than 16007171 bytes: at most 262144 bytes of fields and one photo (media) of 10485760 bytes.";
        var junk = new byte[50 * 1024 * 1024];
        new Random(311).NextBytes(junk);
        foreach (var type in new[] { "application/x-www-form-urlencoded", "multipart/form-data; boundary=grenze", "application/json", "image/jpeg" })
        {
            Assert.Equal([bodyTooLarge], await RefusedAsync(() => app.Client.PostRawAsync("requests.json", junk, type), HttpStatusCode.RequestEntityTooLarge));
            Assert.Equal([fieldsTooLarge], await RefusedAsync(() => SendUnknownLengthAsync(junk, type, claimedLength: null), HttpStatusCode.RequestEntityTooLarge));
            Assert.Equal([fieldsTooLarge], await RefusedAsync(() => SendUnknownLengthAsync(junk, type, claimedLength: 1000), HttpStatusCode.RequestEntityTooLarge));
        }
    }

    [Fact]
    public async Task An_update_takes_no_photo_and_keeps_the_old_limit()
    {
        var id = IdOf(await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey))));
        var content = new MultipartFormDataContent
        {
            { new StringContent(app.ApiKey), "api_key" }, { new StringContent(id.ToString(CultureInfo.InvariantCulture)), "service_request_id" },
            { new StringContent("u-1"), "update_id" }, { new StringContent("Noch da"), "description" },
            { new ByteArrayContent(new byte[1024 * 1024]), "media", "foto.jpg" },
        };
        Assert.Equal(["The request body is larger than 262144 bytes; send media as media_url."],
            await Open311Assert.JsonErrors(await app.Client.PostAsync(HttpHelpers.Base + "servicerequestupdates.json", content), HttpStatusCode.RequestEntityTooLarge));
    }

    [Theory]
    [InlineData("/media/00000000000000000000000000000000.jpg")]
    [InlineData("/media/0123456789ABCDEF0123456789ABCDEF.jpg")]
    [InlineData("/media/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/media/..%2Fappsettings.json")]
    [InlineData("/media/%2E%2E")]
    [InlineData("/media/.0123456789abcdef0123456789abcdef.tmp")]
    [InlineData("/media/")]
    public async Task Unknown_photo_names_answer_404(string path)
    {
        var response = await app.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("image/", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_never_fetches_a_media_url_it_was_given()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/foto.jpg";
            var id = IdOf(await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("media_url", url)))));
            var published = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{id}.json"));
            Assert.Equal(url, (string?)published[0]!["media_url"]);
            await Task.Delay(500);
            Assert.False(listener.Pending(), "The gateway connected to the client's media_url.");
        }
        finally
        {
            listener.Stop();
        }
    }

    private Task<HttpResponseMessage> SendUnknownLengthAsync(byte[] body, string type, long? claimedLength)
    {
        var content = new StreamingContent(body, claimedLength);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        var request = new HttpRequestMessage(HttpMethod.Post, HttpHelpers.Base + "requests.json") { Content = content };
        if (claimedLength is null) request.Headers.TransferEncodingChunked = true;
        else content.Headers.ContentLength = claimedLength;
        return app.Client.SendAsync(request);
    }

    /// <summary>A body sent in chunks, with no length or a length that lies.</summary>
    private sealed class StreamingContent(byte[] body, long? claimedLength) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            try
            {
                for (var written = 0; written < body.Length; written += 64 * 1024)
                    await stream.WriteAsync(body.AsMemory(written, Math.Min(64 * 1024, body.Length - written)));
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answers 413 and stops reading before the whole body is sent.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = claimedLength ?? 0;
            return claimedLength is not null;
        }
    }
}
