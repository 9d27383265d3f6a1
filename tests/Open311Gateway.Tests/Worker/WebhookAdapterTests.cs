using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Tests.Worker;

public class WebhookAdapterTests
{
    private static async Task<(AdapterResult Result, StubBackOffice BackOffice)> ForwardReport(
        StubBackOffice backOffice, ServiceRequestSubmitted? message = null, IDictionary<string, string?>? settings = null)
    {
        await using var provider = WorkerTestServices.Create(backOffice, settings).BuildServiceProvider();
        var adapter = provider.GetRequiredService<AdapterRegistry>().Get("webhook");
        return (await adapter.ForwardRequestAsync(message ?? SampleMessages.Report(), AttemptContext.First, CancellationToken.None), backOffice);
    }

    [Fact]
    public async Task A_report_is_posted_as_utf8_json_to_the_route_endpoint_with_every_field_including_personal_data()
    {
        var (_, backOffice) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.OK));

        var call = Assert.Single(backOffice.Calls);
        Assert.Equal(HttpMethod.Post, call.Request.Method);
        Assert.Equal(SampleMessages.Endpoint, call.Request.RequestUri!.ToString());
        Assert.Equal("application/json; charset=utf-8", call.Request.Content!.Headers.ContentType!.ToString());
        var body = call.Json;
        Assert.Equal(
            ["type", "service_request_id", "token", "jurisdiction_id", "service_code", "open311_service_code", "service_name",
             "requested_datetime", "description", "lat", "long", "projected", "address_string", "address_id", "media_urls", "attributes",
             "contact", "device_id", "account_id", "attempt", "sent_at"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("service_request", body.GetProperty("type").GetString());
        Assert.Equal("4711", body.GetProperty("service_request_id").GetString());
        Assert.Equal("tok-0815", body.GetProperty("token").GetString());
        Assert.Equal("musterstadt.de", body.GetProperty("jurisdiction_id").GetString());
        Assert.Equal("STR-042", body.GetProperty("service_code").GetString());
        Assert.Equal("schlagloch", body.GetProperty("open311_service_code").GetString());
        Assert.Equal("Schlagloch / Straßenschaden", body.GetProperty("service_name").GetString());
        Assert.Equal("2026-03-01T09:30:00+01:00", body.GetProperty("requested_datetime").GetString());
        Assert.Equal("Tiefes Schlagloch vor der Bäckerei Müller, Radfahrer müssen ausweichen.", body.GetProperty("description").GetString());
        Assert.Equal(51.96236, body.GetProperty("lat").GetDouble());
        Assert.Equal(7.62571, body.GetProperty("long").GetDouble());
        Assert.Equal("Königstraße 5, 48143 Musterstadt", body.GetProperty("address_string").GetString());
        Assert.Equal("addr-9", body.GetProperty("address_id").GetString());
        Assert.Equal(["https://media.example/a.jpg", "https://media.example/b.jpg"],
            body.GetProperty("media_urls").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["groß"], body.GetProperty("attributes").GetProperty("groesse").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["radweg", "nachts"], body.GetProperty("attributes").GetProperty("gefahr").EnumerateArray().Select(v => v.GetString()));
        var contact = body.GetProperty("contact");
        Assert.Equal("jürgen.größe@example.de", contact.GetProperty("email").GetString());
        Assert.Equal("+49 251 123456", contact.GetProperty("phone").GetString());
        Assert.Equal("Jürgen", contact.GetProperty("first_name").GetString());
        Assert.Equal("Größe-Müller", contact.GetProperty("last_name").GetString());
        Assert.Equal("device-1", body.GetProperty("device_id").GetString());
        Assert.Equal("account-7", body.GetProperty("account_id").GetString());
        Assert.Equal(2, body.GetProperty("attempt").GetInt32());
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("sent_at").GetString(), out _));
        var raw = Encoding.UTF8.GetString(call.Body); // umlauts and "+" travel as they are, not as \u escapes
        Assert.Contains("\"last_name\":\"Größe-Müller\"", raw);
        Assert.Contains("\"requested_datetime\":\"2026-03-01T09:30:00+01:00\"", raw);
    }

    [Fact]
    public async Task Times_are_written_in_the_jurisdictions_zone_when_the_route_names_it_across_the_summer_time_switch()
    {
        var before = SampleMessages.Report() with
        {
            RequestedAt = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero),
            Route = SampleMessages.Route() with { TimeZone = "Europe/Berlin" },
        };
        var after = before with { RequestedAt = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero) };

        var (_, first) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.OK), before);
        var (_, second) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.OK), after);

        Assert.Equal("2026-03-29T01:30:00+01:00", Assert.Single(first.Calls).Json.GetProperty("requested_datetime").GetString());
        Assert.Equal("2026-03-29T03:30:00+02:00", Assert.Single(second.Calls).Json.GetProperty("requested_datetime").GetString());
        Assert.EndsWith("+00:00", Assert.Single(second.Calls).Json.GetProperty("sent_at").GetString());
    }

    [Fact]
    public async Task Absent_optional_fields_are_null_and_the_service_code_falls_back_to_ours()
    {
        var sparse = SampleMessages.Report() with
        {
            Route = SampleMessages.Route() with { ExternalServiceCode = null },
            Token = null, Description = null, Latitude = null, Longitude = null, AddressId = null,
            MediaUrls = [], Attributes = new Dictionary<string, IReadOnlyList<string>>(),
            Email = null, Phone = null, FirstName = null, LastName = null, DeviceId = null, AccountId = null,
        };

        var (_, backOffice) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.OK), sparse);

        var body = Assert.Single(backOffice.Calls).Json;
        Assert.Equal("schlagloch", body.GetProperty("service_code").GetString());
        foreach (var name in (string[])["token", "description", "lat", "long", "address_id", "device_id", "account_id"])
            Assert.Equal(JsonValueKind.Null, body.GetProperty(name).ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("contact").GetProperty("email").ValueKind);
        Assert.Empty(body.GetProperty("media_urls").EnumerateArray());
        Assert.Empty(body.GetProperty("attributes").EnumerateObject());
    }

    [Fact]
    public async Task The_signature_is_the_hmac_sha256_of_the_exact_body_with_the_jurisdictions_key()
    {
        var (_, backOffice) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.OK));

        var call = Assert.Single(backOffice.Calls);
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(WorkerTestServices.Secret), call.Body));
        Assert.Equal(expected, call.Header("X-Open311-Signature"));
    }

    [Fact]
    public async Task Headers_carry_the_idempotency_key_delivery_id_attempt_and_user_agent()
    {
        var (_, backOffice) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.OK));

        var call = Assert.Single(backOffice.Calls);
        Assert.Equal("4711", call.Header("Idempotency-Key"));
        Assert.Equal("6f1c1f2e-4b8e-4f57-9a51-0d3c5d0b9e11", call.Header("X-Open311-Delivery-Id"));
        Assert.Equal("2", call.Header("X-Open311-Attempt"));
        Assert.Equal("Open311Gateway-Worker/1.0", call.Header("User-Agent"));
    }

    [Theory]
    [InlineData("""{"case_id":"CASE-77"}""", "CASE-77")]
    [InlineData("""{"external_case_id":"EXT-5"}""", "EXT-5")]
    [InlineData("""{"case_id":1234}""", "1234")]
    [InlineData("", null)]
    [InlineData("<html>ok</html>", null)]
    public async Task A_2xx_answer_is_delivered_with_the_case_id_when_the_back_office_gives_one(string answer, string? caseId)
    {
        var (result, _) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.Created, answer));

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 201, caseId), result);
    }

    [Fact]
    public async Task A_400_is_rejected_with_the_status_and_a_truncated_detail_from_the_body()
    {
        var (result, _) = await ForwardReport(StubBackOffice.Answering(HttpStatusCode.BadRequest, "Unbekannte Kategorie " + new string('x', 2000)));

        Assert.Equal(DeliveryOutcome.Rejected, result.Outcome);
        Assert.Equal(400, result.HttpStatus);
        Assert.StartsWith("HTTP 400: Unbekannte Kategorie xxx", result.Detail);
        Assert.True(result.Detail!.Length <= 500);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Found)]
    public async Task Timeouts_throttling_server_errors_and_redirects_are_failures_that_may_work_later(HttpStatusCode status)
    {
        var (result, _) = await ForwardReport(StubBackOffice.Answering(status, "Wartungsarbeiten"));

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal((int)status, result.HttpStatus);
        Assert.Equal($"HTTP {(int)status}: Wartungsarbeiten", result.Detail);
    }

    [Fact]
    public async Task A_back_office_that_does_not_answer_in_time_is_a_failure()
    {
        var silent = new StubBackOffice(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new UnreachableException();
        });

        var (result, _) = await ForwardReport(silent, settings: new Dictionary<string, string?> { ["Adapters:Webhook:TimeoutSeconds"] = "0.2" });

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Null(result.HttpStatus);
        Assert.Contains("No answer", result.Detail);
    }

    [Fact]
    public async Task A_back_office_that_sends_its_headers_and_then_stalls_is_a_failure_within_the_timeout()
    {
        var stalling = new StubBackOffice((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StallingContent() }));
        var clock = Stopwatch.StartNew();

        var (result, _) = await ForwardReport(stalling, settings: new Dictionary<string, string?> { ["Adapters:Webhook:TimeoutSeconds"] = "0.3" });

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("No answer", result.Detail);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_route_to_a_host_the_worker_does_not_allow_for_the_jurisdiction_is_poison_and_nothing_is_sent()
    {
        var backOffice = StubBackOffice.Answering(HttpStatusCode.OK);
        var elsewhere = SampleMessages.Report() with { Route = SampleMessages.Route() with { Endpoint = "https://collector.evil.example/hook" } };

        var error = await Assert.ThrowsAsync<Open311Gateway.Worker.Destinations.DestinationNotAllowedException>(() => ForwardReport(backOffice, elsewhere));

        Assert.Contains("collector.evil.example", error.Message);
        Assert.Empty(backOffice.Calls);
    }

    [Fact]
    public async Task An_unreachable_back_office_is_a_failure()
    {
        var down = new StubBackOffice((_, _) => throw new HttpRequestException("Connection refused"));

        var (result, _) = await ForwardReport(down);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("Connection refused", result.Detail);
    }

    [Fact]
    public async Task A_jurisdiction_without_a_secret_cannot_be_delivered_and_throws()
    {
        var backOffice = StubBackOffice.Answering(HttpStatusCode.OK);
        var elsewhere = SampleMessages.Report() with { Route = SampleMessages.Route() with { JurisdictionId = "nirgendwo.de" } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ForwardReport(backOffice, elsewhere));

        Assert.Contains("Adapters:Webhook:Secrets:nirgendwo.de", error.Message);
        Assert.Empty(backOffice.Calls);
    }

    [Fact]
    public async Task A_follow_up_is_posted_with_every_field_and_keyed_by_its_update_id()
    {
        var backOffice = StubBackOffice.Answering(HttpStatusCode.OK, """{"case_id":"DEMO-1"}""");
        await using var provider = WorkerTestServices.Create(backOffice).BuildServiceProvider();
        var adapter = provider.GetRequiredService<AdapterRegistry>().Get("webhook");

        var result = await adapter.ForwardCitizenUpdateAsync(SampleMessages.FollowUp(), AttemptContext.First, CancellationToken.None);

        Assert.Equal(new AdapterResult(DeliveryOutcome.Delivered, 200, "DEMO-1"), result);
        var call = Assert.Single(backOffice.Calls);
        Assert.Equal("update-u-123", call.Header("Idempotency-Key"));
        Assert.Equal("1", call.Header("X-Open311-Attempt"));
        var body = call.Json;
        Assert.Equal(
            ["type", "update_id", "service_request_id", "external_case_id", "status", "description", "media_url",
             "submitted_datetime", "contact", "account_id", "attempt", "sent_at"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("citizen_update", body.GetProperty("type").GetString());
        Assert.Equal("u-123", body.GetProperty("update_id").GetString());
        Assert.Equal("4711", body.GetProperty("service_request_id").GetString());
        Assert.Equal("DEMO-1", body.GetProperty("external_case_id").GetString());
        Assert.Equal("REOPEN", body.GetProperty("status").GetString());
        Assert.Equal("Das Loch ist wieder da, größer als vorher.", body.GetProperty("description").GetString());
        Assert.Equal("https://media.example/c.jpg", body.GetProperty("media_url").GetString());
        Assert.Equal("2026-07-02T18:05:09+02:00", body.GetProperty("submitted_datetime").GetString());
        Assert.Equal(["email", "first_name", "last_name"], body.GetProperty("contact").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Jürgen", body.GetProperty("contact").GetProperty("first_name").GetString());
        Assert.Equal("Größe-Müller", body.GetProperty("contact").GetProperty("last_name").GetString());
        Assert.Equal("jürgen.größe@example.de", body.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("account-7", body.GetProperty("account_id").GetString());
        Assert.Equal(1, body.GetProperty("attempt").GetInt32());
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WorkerTestServices.Secret), call.Body));
        Assert.Equal(expected, call.Header("X-Open311-Signature"));
    }
}
