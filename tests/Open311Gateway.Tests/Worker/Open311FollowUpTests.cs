using System.Net;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Tests.Worker;

/// <summary>Citizens' follow-ups go to the upstream's <c>servicerequestupdates</c> where the catalogue says it has one.</summary>
public class Open311FollowUpTests
{
    private static readonly (string, string) TakesUpdates = ("servicerequestupdates", "true");

    private static async Task<(AdapterResult Result, StubUpstream Upstream)> Forward(StubUpstream upstream, CitizenUpdateSubmitted message)
    {
        await using var provider = Open311TestServices.Create(upstream);
        return (await provider.Adapter().ForwardCitizenUpdateAsync(message, AttemptContext.First, CancellationToken.None), upstream);
    }

    private static StubUpstream Accepting(string? tokenAnswer = null) => new((request, _) =>
        request.Method == HttpMethod.Post
            ? StubUpstream.Json(HttpStatusCode.OK, """[{"update_id":"their-5"}]""")
            : StubUpstream.Json(tokenAnswer is null ? HttpStatusCode.NotFound : HttpStatusCode.OK, tokenAnswer ?? "[]"));

    [Fact]
    public async Task A_follow_up_is_posted_to_servicerequestupdates_with_the_upstream_id_our_update_id_and_the_time_in_the_routes_zone()
    {
        var (result, upstream) = await Forward(Accepting(), Open311TestServices.FollowUp(TakesUpdates, ("jurisdiction_id", "bonn")));

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 200), result);
        var call = Assert.Single(upstream.Calls);
        Assert.Equal(Open311TestServices.Base + "/servicerequestupdates.json", call.Request.RequestUri!.ToString());
        Assert.Equal(
            [
                new("api_key", Open311TestServices.ApiKey),
                new("jurisdiction_id", "bonn"),
                new("service_request_id", "UP-77"),
                new("update_id", "u-123"),
                new("status", "REOPEN"),
                new("description", "Das Loch ist wieder da, größer als vorher."),
                new("media_url", "https://media.example/c.jpg"),
                new("email", "jürgen.größe@example.de"),
                new("first_name", "Jürgen"),
                new("last_name", "Größe-Müller"),
                new("account_id", "account-7"),
                new("updated_datetime", "2026-07-02T18:05:09+02:00"),
            ],
            call.Form());
    }

    [Fact]
    public async Task A_report_still_known_by_its_token_is_resolved_first_and_the_follow_up_names_the_id()
    {
        var (result, upstream) = await Forward(Accepting("""[{"service_request_id":"UP-88","token":"t-5"}]"""),
            Open311TestServices.FollowUp(TakesUpdates) with { ExternalCaseId = "token:t-5" });

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Single(upstream.To(HttpMethod.Get, "tokens/t-5.json"));
        Assert.Equal("UP-88", Assert.Single(upstream.To(HttpMethod.Post, "servicerequestupdates.json")).Field("service_request_id"));
    }

    [Theory]
    [InlineData("token:t-6")]
    [InlineData(null)]
    public async Task A_follow_up_on_a_report_without_an_upstream_id_yet_fails_for_a_later_attempt(string? caseId)
    {
        var (result, upstream) = await Forward(Accepting(), Open311TestServices.FollowUp(TakesUpdates) with { ExternalCaseId = caseId });

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("no id for report 4711 yet", result.Detail);
        Assert.Empty(upstream.To(HttpMethod.Post, "servicerequestupdates.json"));
    }

    [Fact]
    public async Task An_upstream_without_servicerequestupdates_rejects_follow_ups_with_a_clear_reason_and_is_not_asked()
    {
        var (result, upstream) = await Forward(Accepting(), Open311TestServices.FollowUp());

        Assert.Equal(DeliveryOutcome.Rejected, result.Outcome);
        Assert.Contains("takes no follow-ups", result.Detail);
        Assert.Empty(upstream.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, DeliveryOutcome.Rejected)]
    [InlineData(HttpStatusCode.ServiceUnavailable, DeliveryOutcome.Failed)]
    public async Task The_upstreams_answer_decides_as_for_reports(HttpStatusCode status, DeliveryOutcome outcome)
    {
        var upstream = new StubUpstream((_, _) => StubUpstream.Xml(status,
            "<errors><error><code>400</code><description>service_request_id unknown</description></error></errors>"));

        var (result, _) = await Forward(upstream, Open311TestServices.FollowUp(TakesUpdates, ("format", "xml")));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal($"HTTP {(int)status}: service_request_id unknown", result.Detail);
    }
}
