using System.Net;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Tests.Worker;

/// <summary>
/// GeoReport v2 has no idempotency key: before a repeat the adapter looks for our marker in the upstream's list of the
/// service around the report's time, and takes the request it finds instead of filing a second one.
/// </summary>
public class Open311RepeatTests
{
    private const string Marker = "[Ref: gw-musterstadt.de-4711-5d0b9e11]";

    private static StubUpstream Upstream(Func<HttpResponseMessage> list) => new((request, _) =>
        request.Method == HttpMethod.Post
            ? StubUpstream.Json(HttpStatusCode.OK, """[{"service_request_id":"UP-NEU"}]""")
            : list());

    private static async Task<AdapterResult> Forward(
        StubUpstream upstream, AttemptContext attempt, ServiceRequestSubmitted? message = null, IDictionary<string, string?>? settings = null)
    {
        await using var provider = Open311TestServices.Create(upstream, settings);
        return await provider.Adapter().ForwardRequestAsync(message ?? Open311TestServices.Report(), attempt, CancellationToken.None);
    }

    private static string Listed(params (string Id, string Description)[] requests) =>
        "[" + string.Join(",", requests.Select(r => $$"""{"service_request_id":"{{r.Id}}","status":"open","description":{{System.Text.Json.JsonSerializer.Serialize(r.Description)}}}""")) + "]";

    [Fact]
    public async Task A_repeat_whose_earlier_try_reached_the_upstream_takes_that_request_and_posts_nothing()
    {
        var upstream = Upstream(() => StubUpstream.Json(HttpStatusCode.OK,
            Listed(("UP-1", "Anderer Bericht"), ("UP-2", "Tiefes Schlagloch …\r\n\r\n" + Marker), ("UP-3", "Noch einer"))));

        var result = await Forward(upstream, AttemptContext.Repeat);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal("UP-2", result.ExternalCaseId);
        Assert.Empty(upstream.To(HttpMethod.Post, "requests.json"));
    }

    [Fact]
    public async Task The_lookup_asks_for_the_service_from_an_hour_before_the_report_until_an_hour_from_now_with_the_upstreams_jurisdiction()
    {
        var upstream = Upstream(() => StubUpstream.Json(HttpStatusCode.OK, "[]"));
        var report = Open311TestServices.Report(("jurisdiction_id", "bonn")) with { RequestedAt = DateTimeOffset.UtcNow.AddMinutes(-5) };

        await Forward(upstream, AttemptContext.Repeat, report);

        var lookup = Assert.Single(upstream.To(HttpMethod.Get, "requests.json"));
        Assert.Equal("STR-042", lookup.Query("service_code"));
        Assert.Equal("bonn", lookup.Query("jurisdiction_id"));
        var start = DateTimeOffset.Parse(lookup.Query("start_date")!, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(lookup.Query("end_date")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(report.RequestedAt.AddHours(-1).ToUnixTimeSeconds(), start.ToUnixTimeSeconds());
        Assert.InRange(end, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        // W3C with the zone's offset; "+" escaped in the URL so it does not arrive as a space.
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$", lookup.Query("start_date"));
        Assert.Contains("%2B0", lookup.Request.RequestUri!.AbsoluteUri);
        Assert.Single(upstream.To(HttpMethod.Post, "requests.json"));
    }

    [Fact]
    public async Task The_lookup_window_is_capped_at_the_standards_90_days()
    {
        var upstream = Upstream(() => StubUpstream.Json(HttpStatusCode.OK, "[]"));

        await Forward(upstream, AttemptContext.Repeat, Open311TestServices.Report() with { RequestedAt = DateTimeOffset.UtcNow.AddDays(-200) });

        var lookup = Assert.Single(upstream.To(HttpMethod.Get, "requests.json"));
        var start = DateTimeOffset.Parse(lookup.Query("start_date")!, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(lookup.Query("end_date")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(90), end - start);
    }

    [Fact]
    public async Task A_repeat_whose_earlier_try_left_nothing_upstream_posts_once()
    {
        var upstream = Upstream(() => StubUpstream.Json(HttpStatusCode.OK, Listed(("UP-1", "Anderer Bericht"))));

        var result = await Forward(upstream, AttemptContext.Repeat);

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 200, "UP-NEU"), result);
        Assert.Single(upstream.To(HttpMethod.Post, "requests.json"));
    }

    [Fact]
    public async Task A_marker_planted_without_the_check_of_our_delivery_id_is_not_taken_for_ours()
    {
        var upstream = Upstream(() => StubUpstream.Json(HttpStatusCode.OK, Listed(("UP-FAKE", "[Ref: gw-musterstadt.de-4711]"), ("UP-FAKE2", "[Ref: gw-musterstadt.de-4711-00000000]"))));

        var result = await Forward(upstream, AttemptContext.Repeat);

        Assert.Equal("UP-NEU", result.ExternalCaseId);
    }

    [Fact]
    public async Task A_first_try_looks_too_since_the_api_may_have_sent_the_same_first_attempt_twice()
    {
        var upstream = Upstream(() => StubUpstream.Json(HttpStatusCode.OK, Listed(("UP-2", Marker))));

        var result = await Forward(upstream, AttemptContext.First);

        Assert.Equal("UP-2", result.ExternalCaseId);
        Assert.Equal([HttpMethod.Get], upstream.Calls.Select(c => c.Request.Method));
    }

    [Fact]
    public async Task A_first_try_posts_without_looking_where_the_operator_turned_first_lookups_off()
    {
        var upstream = Upstream(() => StubUpstream.Json(HttpStatusCode.OK, Listed(("UP-2", Marker))));

        var result = await Forward(upstream, AttemptContext.First,
            settings: new Dictionary<string, string?> { ["Adapters:Open311:LookUpBeforeFirstAttempts"] = "false" });

        Assert.Equal("UP-NEU", result.ExternalCaseId);
        Assert.Equal([HttpMethod.Post], upstream.Calls.Select(c => c.Request.Method));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task A_lookup_the_upstream_cannot_answer_now_fails_the_attempt_without_posting(HttpStatusCode status)
    {
        var upstream = Upstream(() => StubUpstream.Json(status, ""));

        var result = await Forward(upstream, AttemptContext.Repeat);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.StartsWith("Looking for an earlier copy failed: HTTP", result.Detail);
        Assert.Empty(upstream.To(HttpMethod.Post, "requests.json"));
    }

    [Fact]
    public async Task An_unreachable_upstream_fails_the_repeat_before_anything_is_posted()
    {
        var upstream = new StubUpstream((_, _) => throw new HttpRequestException("Connection refused"));

        var result = await Forward(upstream, AttemptContext.Repeat);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Single(upstream.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """[{"code":400,"description":"start_date not supported"}]""")]
    [InlineData(HttpStatusCode.OK, "<html>Wartungsseite</html>")]
    public async Task An_upstream_that_cannot_be_searched_gets_the_post_all_the_same(HttpStatusCode status, string body)
    {
        var upstream = Upstream(() => StubUpstream.Json(status, body));

        var result = await Forward(upstream, AttemptContext.Repeat);

        Assert.Equal("UP-NEU", result.ExternalCaseId);
        Assert.Single(upstream.To(HttpMethod.Post, "requests.json"));
    }

    [Fact]
    public async Task The_lookup_reads_xml_lists_too()
    {
        var upstream = new StubUpstream((request, _) => request.Method == HttpMethod.Post
            ? StubUpstream.Xml(HttpStatusCode.OK, "<service_requests><request><service_request_id>UP-NEU</service_request_id></request></service_requests>")
            : StubUpstream.Xml(HttpStatusCode.OK, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <service_requests>
                  <request><service_request_id>UP-8</service_request_id><description>Schlagloch&#13;
                {Marker}</description></request>
                </service_requests>
                """));

        var result = await Forward(upstream, AttemptContext.Repeat, Open311TestServices.Report(("format", "xml")));

        Assert.Equal("UP-8", result.ExternalCaseId);
        Assert.Empty(upstream.To(HttpMethod.Post, "requests.xml"));
    }
}
