using System.Net;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.BackOffice.BackOfficeHelpers;

namespace Open311Gateway.IntegrationTests.BackOffice;

public sealed class BackOfficeValidationTests(GatewayApp app) : IClassFixture<GatewayApp>, IAsyncLifetime
{
    private string _key = "";

    public async Task InitializeAsync() => _key = await app.CreateBackOfficeKeyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_status_outside_the_table_answers_400_naming_the_accepted_ones()
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = "X", status = "ERLEDIGT" });

        var error = Assert.Single(await ErrorsAsync(response, HttpStatusCode.BadRequest, id));
        Assert.Contains("status 'ERLEDIGT' is not one of: OPEN, IN_PROGRESS", error);
        Assert.Contains("CANCELLED", error);
    }

    [Fact]
    public async Task Every_problem_of_a_body_is_listed_at_once()
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(_key, id, new
        {
            status_notes = new string('x', 4001), agency_responsible = 42, expected_datetime = "nächste Woche",
            updated_datetime = "2026-03-01T09:30:00", media_url = "ftp://bauhof.example.org/a.jpg",
        });

        var errors = await ErrorsAsync(response, HttpStatusCode.BadRequest, id);
        Assert.Equal(7, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("update_id is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("status is required", StringComparison.Ordinal));
        Assert.Contains("status_notes is 4001 characters long; at most 4000 are allowed.", errors);
        Assert.Contains("agency_responsible must be a string.", errors);
        Assert.Contains(errors, e => e.StartsWith("expected_datetime 'nächste Woche' is not a W3C date-time", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("updated_datetime '2026-03-01T09:30:00' needs a date, a time and a zone", StringComparison.Ordinal));
        Assert.Contains("media_url 'ftp://bauhof.example.org/a.jpg' is not an absolute http(s) URL.", errors);
    }

    [Fact]
    public async Task An_update_id_longer_than_200_characters_answers_400()
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = new string('7', 201), status = "FIXED" });

        Assert.Equal("update_id is 201 characters long; at most 200 are allowed.", Assert.Single(await ErrorsAsync(response, HttpStatusCode.BadRequest, id)));
    }

    [Fact]
    public async Task An_integer_update_id_is_taken_as_its_digits()
    {
        var id = await app.PostReportAsync();

        await (await app.PostBackOfficeJsonAsync(_key, id, """{"update_id": 4711, "status": "FIXED"}""")).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("4711", Assert.Single(await app.UpdatesOfAsync(id)).SenderUpdateId);
    }

    [Fact]
    public async Task An_update_dated_in_the_future_answers_400()
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = "X", status = "FIXED", updated_datetime = W3c(Now().AddHours(2)) });

        Assert.EndsWith("lies in the future.", Assert.Single(await ErrorsAsync(response, HttpStatusCode.BadRequest, id)));
    }

    [Theory]
    [InlineData("update_id=X&status=FIXED", "application/x-www-form-urlencoded", "Unsupported Content-Type")]
    [InlineData("{\"update_id\": \"X\", \"status\": ", "application/json", "not valid UTF-8 JSON")]
    [InlineData("[{\"update_id\": \"X\", \"status\": \"FIXED\"}]", "application/json", "must be a JSON object")]
    [InlineData("", "application/json", "must be a JSON object")]
    [InlineData("{\"update_id\": \"X\", \"status\": \"FIXED\", \"status\": \"OPEN\"}", "application/json", "not valid UTF-8 JSON")]
    [InlineData("{\"update_id\": \"X\", \"status\": \"FIXED\"} {}", "application/json", "")]
    public async Task A_body_that_is_not_one_json_object_answers_400(string body, string contentType, string expected)
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeJsonAsync(_key, id, body, contentType);

        Assert.Contains(expected, Assert.Single(await ErrorsAsync(response, HttpStatusCode.BadRequest, id)));
    }

    [Fact]
    public async Task A_body_larger_than_64_KiB_answers_413()
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = "X", status = "FIXED", padding = new string(' ', 65 * 1024) });

        Assert.Contains("larger than 65536 bytes", Assert.Single(await ErrorsAsync(response, HttpStatusCode.RequestEntityTooLarge, id)));
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task An_unknown_report_answers_404(string unknownId)
    {
        var response = await app.PostBackOfficeUpdateAsync(_key, unknownId, new { update_id = "X", status = "FIXED" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = Assert.Single((JArray)await response.JsonAsync());
        Assert.Equal(("404", $"Unknown service_request_id '{unknownId}'."), ((string)error["code"]!, (string)error["description"]!));
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = "X-EXTRA", status = "FIXED", external_status_code = "E42" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    private async Task<List<string>> ErrorsAsync(HttpResponseMessage response, HttpStatusCode expected, string id)
    {
        await response.AssertStatusAsync(expected);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        var errors = (JArray)await response.JsonAsync();
        Assert.All(errors, e => Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)e["code"]!));
        // Refused means refused: nothing stored, the report untouched.
        Assert.Empty(await app.UpdatesOfAsync(id));
        Assert.Equal("OPEN", (await app.RequestRowAsync(id)).ExtendedStatus);
        return errors.Select(e => (string)e["description"]!).ToList();
    }
}
