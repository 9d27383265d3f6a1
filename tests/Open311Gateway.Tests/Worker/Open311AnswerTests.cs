using System.Net;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Tests.Worker;

/// <summary>What the upstream Open311 adapter makes of the answers real GeoReport v2 servers give to a POST.</summary>
public class Open311AnswerTests
{
    private static async Task<(AdapterResult Result, StubUpstream Upstream)> Forward(
        StubUpstream upstream, ServiceRequestSubmitted? message = null, IDictionary<string, string?>? settings = null)
    {
        await using var provider = Open311TestServices.Create(upstream, settings);
        return (await provider.Adapter().ForwardRequestAsync(message ?? Open311TestServices.Report(), AttemptContext.First, CancellationToken.None), upstream);
    }

    private static StubUpstream PostAnswering(HttpResponseMessage post, Func<HttpResponseMessage>? token = null) => new((request, _) =>
        request.Method == HttpMethod.Post ? post
        : token is not null && request.RequestUri!.AbsolutePath.Contains("/tokens/") ? token()
        : StubUpstream.Json(HttpStatusCode.NotFound, "[]"));

    [Theory]
    [InlineData("""[{"service_request_id":"638344","service_notice":"Danke"}]""", "application/json")]
    [InlineData("""[{"service_request_id":638344}]""", "application/json")]
    [InlineData("""<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>638344</service_request_id></request></service_requests>""", "text/xml")]
    // Labelled wrongly, as servers do: the first character decides.
    [InlineData("""  <service_requests><request><service_request_id>638344</service_request_id></request></service_requests>""", "text/html")]
    [InlineData("""{"service_requests":[{"service_request_id":"638344"}]}""", "text/plain")]
    public async Task An_answer_with_an_id_is_delivered_with_that_id_as_the_external_case_id(string body, string mediaType)
    {
        var (result, upstream) = await Forward(PostAnswering(StubUpstream.Answer(HttpStatusCode.OK, body, mediaType)));

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 200, "638344"), result);
        Assert.Single(upstream.Calls, c => c.Request.Method == HttpMethod.Post);
        Assert.DoesNotContain(upstream.Calls, c => c.Request.RequestUri!.AbsolutePath.Contains("/tokens/"));
    }

    [Fact]
    public async Task A_token_is_resolved_at_once_through_tokens_and_its_id_becomes_the_external_case_id()
    {
        var upstream = PostAnswering(StubUpstream.Json(HttpStatusCode.OK, """[{"token":"t-12 3","service_notice":"Wird geprüft"}]"""),
            () => StubUpstream.Json(HttpStatusCode.OK, """[{"service_request_id":"UP-9","token":"t-12 3"}]"""));

        var (result, _) = await Forward(upstream);

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 200, "UP-9"), result);
        var token = Assert.Single(upstream.To(HttpMethod.Get, "tokens/t-12%203.json"));
        Assert.Equal(Open311TestServices.Base + "/tokens/t-12%203.json", token.Request.RequestUri!.AbsoluteUri);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """[{"code":404,"description":"Unknown token"}]""")]
    [InlineData(HttpStatusCode.OK, """[{"token":"t-1"}]""")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "")]
    public async Task A_token_that_does_not_resolve_at_once_is_delivered_as_token_colon_token_for_the_poll_to_resolve(HttpStatusCode status, string body)
    {
        var upstream = PostAnswering(StubUpstream.Json(HttpStatusCode.OK, """[{"token":"t-1"}]"""), () => StubUpstream.Json(status, body));

        var (result, _) = await Forward(upstream);

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 200, "token:t-1"), result);
        Assert.Single(upstream.To(HttpMethod.Get, "tokens/t-1.json")); // asked once, not in a loop
    }

    [Fact]
    public async Task A_token_lookup_that_cannot_reach_the_upstream_still_counts_as_delivered_since_the_post_was_accepted()
    {
        var upstream = new StubUpstream((request, _) =>
            request.Method == HttpMethod.Post ? StubUpstream.Json(HttpStatusCode.OK, """[{"token":"t-2"}]""")
            : request.RequestUri!.AbsolutePath.Contains("/tokens/") ? throw new HttpRequestException("Connection refused")
            : StubUpstream.Json(HttpStatusCode.OK, "[]"));

        var (result, _) = await Forward(upstream);

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 200, "token:t-2"), result);
    }

    [Theory]
    [InlineData("""[{"service_notice":"Danke für Ihren Hinweis."}]""")]
    [InlineData("""<service_requests><request><service_notice>Danke</service_notice></request></service_requests>""")]
    [InlineData("""[]""")]
    public async Task A_blackbox_answer_without_id_or_token_is_delivered_without_a_case_id(string body)
    {
        var (result, upstream) = await Forward(PostAnswering(StubUpstream.Json(HttpStatusCode.OK, body)));

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Null(result.ExternalCaseId);
        Assert.DoesNotContain(upstream.Calls, c => c.Request.RequestUri!.AbsolutePath.Contains("/tokens/")); // no token to resolve
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """[{"code":400,"description":"attribute[GROESSE] is required."},{"code":400,"description":"lat is out of range."}]""",
        "HTTP 400: attribute[GROESSE] is required.; lat is out of range.")]
    [InlineData(HttpStatusCode.NotFound, """<?xml version="1.0"?><errors><error><code>404</code><description>Unknown service_code 'STR-042'.</description></error></errors>""",
        "HTTP 404: Unknown service_code 'STR-042'.")]
    [InlineData(HttpStatusCode.UnprocessableEntity, "kaputt", "HTTP 422: kaputt")]
    [InlineData(HttpStatusCode.BadRequest, "", "HTTP 400")]
    public async Task A_4xx_is_rejected_with_the_upstreams_own_description_in_json_or_xml(HttpStatusCode status, string body, string detail)
    {
        var (result, _) = await Forward(PostAnswering(StubUpstream.Json(status, body)));

        Assert.Equal(new AdapterResult(DeliveryOutcome.Rejected, (int)status, Detail: detail), result);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.MovedPermanently)]
    public async Task Key_problems_throttling_server_errors_and_redirects_are_failures_that_may_work_later(HttpStatusCode status)
    {
        var (result, _) = await Forward(PostAnswering(StubUpstream.Json(status, """[{"code":503,"description":"Wartung bis 6 Uhr"}]""")));

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal((int)status, result.HttpStatus);
        Assert.Equal($"HTTP {(int)status}: Wartung bis 6 Uhr", result.Detail);
    }

    [Fact]
    public async Task An_upstream_that_does_not_answer_in_time_is_a_failure()
    {
        var upstream = new StubUpstream(async (_, _, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return StubUpstream.Json(HttpStatusCode.OK, "[]");
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var (result, _) = await Forward(upstream, settings: new Dictionary<string, string?> { ["Adapters:Open311:TimeoutSeconds"] = "0.3" });

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("within 0.3 s", result.Detail);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task An_unreachable_upstream_is_a_failure()
    {
        var (result, _) = await Forward(new StubUpstream((_, _) => throw new HttpRequestException("Connection refused")));

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal("backoffice.musterstadt.example unreachable: Connection refused", result.Detail);
    }

    [Fact]
    public async Task A_jurisdiction_without_an_upstream_api_key_cannot_be_delivered_and_throws()
    {
        var upstream = PostAnswering(StubUpstream.Json(HttpStatusCode.OK, "[]"));
        var message = Open311TestServices.Report() with { Route = Open311TestServices.Route() with { JurisdictionId = "anderswo.de" } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Forward(upstream, message));

        Assert.Contains("Adapters:Open311:ApiKeys:anderswo.de", error.Message);
        Assert.Empty(upstream.Calls);
    }

    [Fact]
    public async Task An_upstream_on_a_host_the_worker_does_not_allow_is_poison_and_is_not_asked()
    {
        var upstream = PostAnswering(StubUpstream.Json(HttpStatusCode.OK, "[]"));
        var message = Open311TestServices.Report() with { Route = Open311TestServices.Route() with { Endpoint = "https://elsewhere.example/open311/v2" } };

        await Assert.ThrowsAsync<DestinationNotAllowedException>(() => Forward(upstream, message));

        Assert.Empty(upstream.Calls);
    }

    [Theory]
    [InlineData("mailto:bauhof@musterstadt.de")]
    [InlineData("https://user:pw@backoffice.musterstadt.example/open311/v2")]
    [InlineData("backoffice.musterstadt.example/open311/v2")]
    public async Task An_endpoint_that_is_no_plain_http_base_url_is_poison(string endpoint)
    {
        var upstream = PostAnswering(StubUpstream.Json(HttpStatusCode.OK, "[]"));
        var message = Open311TestServices.Report() with { Route = Open311TestServices.Route() with { Endpoint = endpoint } };

        await Assert.ThrowsAsync<InvalidOperationException>(() => Forward(upstream, message));

        Assert.Empty(upstream.Calls);
    }

    [Fact]
    public void The_pending_token_prefix_is_the_one_the_api_resolves()
    {
        Assert.Equal(Open311Gateway.Api.StatusPolls.PolledChanges.PendingTokenPrefix, Open311Gateway.Worker.Adapters.Open311.Open311Adapter.PendingTokenPrefix);
    }
}
