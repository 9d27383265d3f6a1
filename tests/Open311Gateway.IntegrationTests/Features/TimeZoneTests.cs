using System.Globalization;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Times are written in Europe/Berlin with the offset in force at that instant; zoneless dates are read there.</summary>
public sealed class TimeZoneTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private async Task<(string Json, string Xml)> RequestedDatetimeAsync(string requestedAtUtc)
    {
        var row = await Rows.InsertAsync(app, Utc(requestedAtUtc), r => r.ExpectedAt = Utc(requestedAtUtc));
        var json = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{row.Id}.json"));
        var xml = await Open311Assert.XmlAnswer(await app.Client.GetOpen311Async($"requests/{row.Id}.xml"));
        var request = xml.Root!.Element("request")!;
        Assert.Equal((string)json[0]!["requested_datetime"]!, (string)json[0]!["updated_datetime"]!);
        Assert.Equal((string)json[0]!["requested_datetime"]!, (string)json[0]!["expected_datetime"]!);
        Assert.Equal(request.Element("requested_datetime")!.Value, request.Element("expected_datetime")!.Value);
        return ((string)json[0]!["requested_datetime"]!, request.Element("requested_datetime")!.Value);
    }

    [Theory]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29T01:30:00+01:00")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29T01:59:59+01:00")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00")]
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29T03:30:00+02:00")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25T02:30:00+02:00")]
    [InlineData("2026-10-25T01:30:00Z", "2026-10-25T02:30:00+01:00")]
    [InlineData("2026-01-15T23:30:00Z", "2026-01-16T00:30:00+01:00")]
    [InlineData("2026-07-01T22:00:00Z", "2026-07-02T00:00:00+02:00")]
    public async Task Times_are_written_in_berlin_time_with_the_offset_in_force_then(string utc, string berlin)
    {
        var (json, xml) = await RequestedDatetimeAsync(utc);
        Assert.Equal(berlin, json);
        Assert.Equal(berlin, xml);
    }

    [Fact]
    public async Task A_start_date_without_a_zone_is_read_in_berlin_time()
    {
        // 08:00Z is 09:00 in Berlin in January; read as UTC, 09:00 would miss it.
        var row = await Rows.InsertAsync(app, Utc("2026-01-20T08:00:00Z"));
        var json = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?start_date=2026-01-20T09:00:00&end_date=2026-01-20T09:00:00"));
        Assert.Equal([row.Id.ToString(CultureInfo.InvariantCulture)], json.Select(r => (string)r["service_request_id"]!));
        Assert.Empty(await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?start_date=2026-01-20T08:00:00&end_date=2026-01-20T08:59:59")));
    }

    [Fact]
    public async Task Zoneless_dates_on_the_spring_switch_day_use_summer_time_after_it_and_a_skipped_time_the_hour_after()
    {
        // 2027 (switch on 28 March), so that the rows of the other tests in this class stay out of the way.
        var winter = await Rows.InsertAsync(app, Utc("2027-03-28T00:45:00Z")); // 01:45+01:00
        var summer = await Rows.InsertAsync(app, Utc("2027-03-28T01:15:00Z")); // 03:15+02:00
        var ids = (await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?start_date=2027-03-28T03:00:00&end_date=2027-03-28T04:00:00")))
            .Select(r => (string)r["service_request_id"]!);
        Assert.Equal([summer.Id.ToString(CultureInfo.InvariantCulture)], ids);
        ids = (await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?start_date=2027-03-28T01:00:00&end_date=2027-03-28T01:59:59")))
            .Select(r => (string)r["service_request_id"]!);
        Assert.Equal([winter.Id.ToString(CultureInfo.InvariantCulture)], ids);
        // 02:30 does not exist that night; it is read as 03:30 summer time, i.e. 01:30Z.
        ids = (await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?start_date=2027-03-28T00:00:00&end_date=2027-03-28T02:30:00")))
            .Select(r => (string)r["service_request_id"]!);
        Assert.Equal([summer.Id.ToString(CultureInfo.InvariantCulture), winter.Id.ToString(CultureInfo.InvariantCulture)], ids);
    }

    [Fact]
    public async Task A_posted_request_is_stamped_with_the_current_berlin_offset()
    {
        var post = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey)));
        var id = (string)post[0]!["service_request_id"]!;
        var json = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{id}.json"));
        var written = DateTimeOffset.ParseExact((string)json[0]!["requested_datetime"]!, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal(berlin.GetUtcOffset(written), written.Offset);
        Assert.InRange(DateTimeOffset.UtcNow - written, TimeSpan.Zero, TimeSpan.FromMinutes(5));
    }
}
