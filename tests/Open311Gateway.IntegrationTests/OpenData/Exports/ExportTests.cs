using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.OpenData.Exports;

/// <summary>
/// <c>/opendata/{jurisdiction}/requests.geojson|csv</c> as a harvester meets them (ADR 23): windows without the 90-day
/// limit, refusals that read nothing, validators that answer 304, gzip, HEAD. Each test reads a window of its own years,
/// so the shared database's other reports never show in it.
/// </summary>
public sealed class ExportTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string J = TestCatalog.Jurisdiction;

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("requests.geojson")]
    [InlineData("requests.csv")]
    public async Task An_unknown_jurisdiction_answers_404_with_a_json_error(string file)
    {
        var response = await app.Client.GetAsync(ExportCalls.Url("nirgendwo.de", file));

        Assert.Equal(["Unknown jurisdiction 'nirgendwo.de'."], await Open311Assert.JsonErrors(response, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_bad_window_answers_400_with_every_problem_at_once()
    {
        var response = await app.Client.GetAsync(ExportCalls.Url(J, "requests.csv",
            "?start_date=2026-03-01&end_date=gestern&updated_after=2026-02-01T00:00:00Z&updated_before=2026-01-01T00:00:00Z"));

        Assert.Equal(
            ["end_date 'gestern' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.", "updated_before is before updated_after."],
            await Open311Assert.JsonErrors(response, HttpStatusCode.BadRequest));
        var reversed = await app.Client.GetAsync(ExportCalls.Url(J, "requests.geojson", "?start_date=2026-03-01&end_date=2026-02-01"));
        Assert.Equal(["end_date is before start_date."], await Open311Assert.JsonErrors(reversed, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_window_of_years_is_served_whole_by_requested_time_where_get_requests_allows_90_days()
    {
        var rows = await Rows.InsertAsync(app,
            await Rows.NewAsync(app, Utc(2010, 1, 1)), await Rows.NewAsync(app, Utc(2011, 6, 1)), await Rows.NewAsync(app, Utc(2012, 12, 31)),
            await Rows.NewAsync(app, Utc(2013, 1, 2)));
        var ids = rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();

        var features = await ExportCalls.FeaturesAsync(app.Client, J, "?start_date=2010-01-01&end_date=2012-12-31T23:59:59%2B01:00");
        var csv = await ExportCalls.CsvAsync(app.Client, J, "?start_date=2010-01-01&end_date=2012-12-31T23:59:59%2B01:00");

        Assert.Equal(ids[..3], ExportCalls.FeatureIds(features));
        Assert.Equal(ids[..3], ExportCalls.CsvIds(csv));
        // The same window is refused by GET requests, which keeps the standard's 90 days.
        await Open311Assert.JsonErrors(await app.Client.GetOpen311Async($"requests.json?jurisdiction_id={J}&start_date=2010-01-01&end_date=2012-12-31"),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_window_is_a_csv_header_and_an_empty_feature_collection()
    {
        var csv = await ExportCalls.CsvAsync(app.Client, J, "?start_date=1990-01-01&end_date=1990-12-31");
        var features = await ExportCalls.FeaturesAsync(app.Client, J, "?start_date=1990-01-01&end_date=1990-12-31");

        Assert.Single(csv);
        Assert.Equal("service_request_id", csv[0][0]);
        Assert.Empty(features);
    }

    [Fact]
    public async Task Updated_after_exports_what_changed_since_up_to_the_settled_bound_it_names()
    {
        var now = DateTimeOffset.UtcNow;
        var rows = await Rows.InsertAsync(app,
            Changed(await Rows.NewAsync(app, Utc(2014, 1, 1)), now.AddHours(-3)),
            Changed(await Rows.NewAsync(app, Utc(2014, 1, 2)), now.AddHours(-1)),
            // Younger than the settle time (10 s): its transaction might still have company that commits later.
            Changed(await Rows.NewAsync(app, Utc(2014, 1, 3)), now.AddSeconds(20)));
        var since = Uri.EscapeDataString(now.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));

        var response = await app.Client.GetAsync(ExportCalls.Url(J, "requests.csv", $"?updated_after={since}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var until = DateTimeOffset.Parse(response.Headers.GetValues("Open311-Changes-Until").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(until, now.AddSeconds(-11), DateTimeOffset.UtcNow.AddSeconds(-9));
        Assert.Equal([rows[1].Id.ToString(CultureInfo.InvariantCulture)], ExportCalls.CsvIds(CsvText.Parse(await response.Content.ReadAsStringAsync())));
        // A whole export carries no bound: it is not a sync.
        Assert.False((await app.Client.GetAsync(ExportCalls.Url(J, "requests.csv", "?start_date=1990-01-01&end_date=1990-01-02"))).Headers.Contains("Open311-Changes-Until"));
    }

    private static Api.Data.Entities.ServiceRequest Changed(Api.Data.Entities.ServiceRequest row, DateTimeOffset at)
    {
        row.PublicChangedAt = at.ToUniversalTime();
        return row;
    }

    [Theory]
    [InlineData("requests.geojson")]
    [InlineData("requests.csv")]
    public async Task A_harvester_that_has_the_version_gets_304_and_a_new_report_changes_etag_and_last_modified(string file)
    {
        var window = file.EndsWith(".csv", StringComparison.Ordinal) ? "?start_date=2015-01-01&end_date=2015-12-31" : "?start_date=2016-01-01&end_date=2016-12-31";
        var year = file.EndsWith(".csv", StringComparison.Ordinal) ? 2015 : 2016;
        await Rows.InsertAsync(app, await Rows.NewAsync(app, Utc(year, 3, 1)));
        var first = await app.Client.GetAsync(ExportCalls.Url(J, file, window));
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal(Utc(year, 3, 1), first.Content.Headers.LastModified);
        Assert.Equal("public, no-cache", first.Headers.CacheControl?.ToString());

        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(file, window, r => r.Headers.IfNoneMatch.Add(etag))).StatusCode);
        var unchanged = await GetAsync(file, window, r => r.Headers.IfModifiedSince = Utc(year, 3, 1));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        await Rows.InsertAsync(app, await Rows.NewAsync(app, Utc(year, 4, 1)));
        var changed = await GetAsync(file, window, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(Utc(year, 4, 1), changed.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(file, window, r => r.Headers.IfModifiedSince = Utc(year, 3, 1))).StatusCode);
        // If-None-Match decides when both are sent (RFC 9110): an old tag is not excused by a recent date.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(file, window, r =>
        {
            r.Headers.IfNoneMatch.Add(etag);
            r.Headers.IfModifiedSince = Utc(year, 12, 1);
        })).StatusCode);
    }

    [Theory]
    [InlineData("requests.geojson")]
    [InlineData("requests.csv")]
    public async Task A_client_that_accepts_gzip_gets_the_same_file_compressed(string file)
    {
        await Rows.InsertAsync(app, await Rows.NewAsync(app, Utc(2017, 5, 1), description: "Komprimiert übertragen"));
        var plain = await app.Client.GetAsync(ExportCalls.Url(J, file, "?start_date=2017-01-01&end_date=2017-12-31"));
        var zipped = await GetAsync(file, "?start_date=2017-01-01&end_date=2017-12-31", r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")));

        Assert.Equal(["gzip"], zipped.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", zipped.Headers.Vary);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(plain.Headers.ETag, zipped.Headers.ETag);
        await using var unzip = new GZipStream(await zipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var text = new StreamReader(unzip);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await text.ReadToEndAsync());
        Assert.Contains("Komprimiert übertragen", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_answers_the_headers_of_get_without_a_body()
    {
        var get = await app.Client.GetAsync(ExportCalls.Url(J, "requests.csv"));
        var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, ExportCalls.Url(J, "requests.csv")));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_jurisdiction_id_in_another_case_names_the_same_jurisdiction()
    {
        await Rows.InsertAsync(app, await Rows.NewAsync(app, Utc(2018, 2, 1)));

        Assert.Equal(
            ExportCalls.FeatureIds(await ExportCalls.FeaturesAsync(app.Client, J, "?start_date=2018-01-01&end_date=2018-12-31")),
            ExportCalls.FeatureIds(await ExportCalls.FeaturesAsync(app.Client, J.ToUpperInvariant(), "?start_date=2018-01-01&end_date=2018-12-31")));
    }

    private Task<HttpResponseMessage> GetAsync(string file, string query, Action<HttpRequestMessage> change)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ExportCalls.Url(J, file, query));
        change(request);
        return app.Client.SendAsync(request);
    }
}
