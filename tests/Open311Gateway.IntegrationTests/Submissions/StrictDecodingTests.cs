using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Submissions;

/// <summary>
/// Text that is no UTF-8 (invalid bytes, encoded surrogates) or a JSON lone surrogate escape answers 400 in bodies
/// and query strings alike, and stores nothing: read leniently, it would become U+FFFD and two ids would collide.
/// </summary>
public sealed class StrictDecodingTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string NotUtf8 = "is not valid UTF-8; send text as UTF-8 (percent-encoded UTF-8 in forms and query strings).";
    private const string LoneSurrogate = "The JSON body holds a lone surrogate (such as \\ud800 without its pair), which is no Unicode character.";

    private static byte[] Bytes(string ascii, byte[] bad, string rest) => [.. Encoding.ASCII.GetBytes(ascii), .. bad, .. Encoding.ASCII.GetBytes(rest)];

    private static HttpContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>Bodies of a follow-up whose update_id is "A" followed by text that is no Unicode, in every encoding we read.</summary>
    public static TheoryData<string, string> BrokenUpdateIds => new()
    {
        { "form %FF", "The form field 'update_id' " + NotUtf8 },
        { "form %ED%A0%80 (an encoded surrogate)", "The form field 'update_id' " + NotUtf8 },
        { "form name %FF", "A form field's name " + NotUtf8 },
        { "multipart FF", "The multipart field 'update_id' " + NotUtf8 },
        { "json FF", "The JSON body " + NotUtf8 },
        { "json \\ud800", LoneSurrogate },
        { "json \\udc00 alone", LoneSurrogate },
        { "json \\ud800 then \\u0041", LoneSurrogate },
        { "query %FF", "The query string parameter 'update_id' " + NotUtf8 },
    };

    private HttpContent FollowUp(string how, string requestId)
    {
        var fields = $"api_key={Uri.EscapeDataString(app.ApiKey)}&service_request_id={requestId}&description=Nochmal";
        var json = $$"""{"api_key":"{{app.ApiKey}}","service_request_id":"{{requestId}}","description":"Nochmal","update_id":""";
        return how switch
        {
            "form %FF" => Raw(Encoding.ASCII.GetBytes(fields + "&update_id=A%FF"), "application/x-www-form-urlencoded"),
            "form %ED%A0%80 (an encoded surrogate)" => Raw(Encoding.ASCII.GetBytes(fields + "&update_id=A%ED%A0%80"), "application/x-www-form-urlencoded"),
            "form name %FF" => Raw(Encoding.ASCII.GetBytes(fields + "&update_id=A&x%FF=1"), "application/x-www-form-urlencoded"),
            "multipart FF" => Multipart(requestId, Bytes("A", [0xFF], "")),
            "json FF" => Raw(Bytes(json + "\"A", [0xFF], "\"}"), "application/json"),
            "json \\ud800" => Raw(Encoding.ASCII.GetBytes(json + "\"A\\ud800\"}"), "application/json"),
            "json \\udc00 alone" => Raw(Encoding.ASCII.GetBytes(json + "\"A\\udc00B\"}"), "application/json"),
            "json \\ud800 then \\u0041" => Raw(Encoding.ASCII.GetBytes(json + "\"A\\ud800\\u0041\"}"), "application/json"),
            "query %FF" => Raw(Encoding.ASCII.GetBytes(fields), "application/x-www-form-urlencoded"),
            _ => throw new ArgumentException(how),
        };
    }

    private MultipartFormDataContent Multipart(string requestId, byte[] updateId)
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(app.ApiKey), "api_key");
        content.Add(new StringContent(requestId), "service_request_id");
        content.Add(new StringContent("Nochmal"), "description");
        content.Add(new ByteArrayContent(updateId), "update_id");
        return content;
    }

    [Theory]
    [MemberData(nameof(BrokenUpdateIds))]
    public async Task A_follow_up_whose_text_is_no_unicode_answers_400_and_stores_nothing(string how, string expected)
    {
        var id = await app.PostReportAsync();
        var path = HttpHelpers.Base + "servicerequestupdates.json" + (how == "query %FF" ? "?update_id=A%FF" : "");

        var response = await app.Client.PostAsync(path, FollowUp(how, id));

        Assert.Equal([expected], await Open311Assert.JsonErrors(response, HttpStatusCode.BadRequest));
        Assert.Empty(await app.UpdatesOfAsync(id));
    }

    [Fact]
    public async Task Two_update_ids_that_differ_only_in_invalid_bytes_are_not_one_update()
    {
        var id = await app.PostReportAsync();
        var fields = $"api_key={Uri.EscapeDataString(app.ApiKey)}&service_request_id={id}&description=Nochmal&update_id=";

        var first = await app.Client.PostAsync(HttpHelpers.Base + "servicerequestupdates.json", Raw(Encoding.ASCII.GetBytes(fields + "A%FE"), "application/x-www-form-urlencoded"));
        var second = await app.Client.PostAsync(HttpHelpers.Base + "servicerequestupdates.json", Raw(Encoding.ASCII.GetBytes(fields + "A%FF"), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Empty(await app.UpdatesOfAsync(id));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task A_report_whose_description_is_no_utf8_answers_400_and_stores_nothing(string contentType)
    {
        var before = await Rows.CountAsync(app);
        var body = contentType == "application/json"
            ? Bytes($$"""{"api_key":"{{app.ApiKey}}","service_code":"SCHLAGLOCH","lat":"52.52","long":"13.405","attribute":{"GROESSE":"klein"},"description":"Loch """, [0xC3, 0x28], "\"}")
            : Bytes(Send.Form(HttpHelpers.Pothole(app.ApiKey)) + "&description=Loch%20", [], "%C3%28");

        var response = await app.Client.PostAsync(HttpHelpers.Base + "requests.xml", Raw(body, contentType));

        Assert.Single(await Open311Assert.XmlErrors(response, HttpStatusCode.BadRequest), e => e.EndsWith(NotUtf8, StringComparison.Ordinal));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Theory]
    [InlineData("requests.json?jurisdiction_id=teststadt%FF")]
    [InlineData("requests.json?jurisdiction_id=teststadt.de&service_code=SCHLAG%ED%A0%80LOCH")]
    [InlineData("services.json?jurisdiction_id=%C3")]
    [InlineData("servicerequestupdates.json?start_date=2026-11-01&x%FF=1")]
    [InlineData("requests/1.json?extensions=%F0%9F%98")]
    public async Task A_get_whose_query_string_is_no_utf8_answers_400_in_the_asked_format(string pathAndQuery)
    {
        var json = await app.Client.GetOpen311Async(pathAndQuery);
        var xml = await app.Client.GetOpen311Async(pathAndQuery.Replace(".json?", ".xml?", StringComparison.Ordinal));

        Assert.EndsWith(NotUtf8, Assert.Single(await Open311Assert.JsonErrors(json, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
        Assert.EndsWith(NotUtf8, Assert.Single(await Open311Assert.XmlErrors(xml, HttpStatusCode.BadRequest)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_utf8_and_paired_surrogate_escapes_are_still_read()
    {
        var query = await app.Client.GetOpen311Async("requests.json?jurisdiction_id=stra%C3%9Fe%F0%9F%98%80");
        Assert.Equal(["Unknown jurisdiction_id 'straße😀'."], await Open311Assert.JsonErrors(query, HttpStatusCode.NotFound));

        var body = $$"""{"api_key":"{{app.ApiKey}}","service_code":"SCHLAGLOCH","lat":"52.52","long":"13.405","attribute":{"GROESSE":"klein"},"description":"Baustelle \ud83d\udea7 \\ud800 als Text"}""";
        var answer = await Open311Assert.JsonAnswer(await app.Client.PostRawAsync("requests.json", body, "application/json"));
        var row = await Rows.FindAsync(app, long.Parse((string)answer[0]!["service_request_id"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Baustelle 🚧 \\ud800 als Text", row.Description);
    }

    [Fact]
    public async Task A_json_body_with_a_utf8_byte_order_mark_is_read_and_one_in_utf16_is_refused()
    {
        var json = $$"""{"api_key":"{{app.ApiKey}}","service_code":"SCHLAGLOCH","address_id":"A-1","attribute":{"GROESSE":"klein"},"description":"Mit BOM"}""";
        await Open311Assert.JsonAnswer(await app.Client.PostAsync(HttpHelpers.Base + "requests.json",
            Raw([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)], "application/json")));

        var before = await Rows.CountAsync(app);
        var utf16 = await app.Client.PostAsync(HttpHelpers.Base + "requests.json", Raw(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(json)).ToArray(), "application/json"));
        Assert.Equal(["The JSON body " + NotUtf8], await Open311Assert.JsonErrors(utf16, HttpStatusCode.BadRequest));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Theory]
    [InlineData("""{"update_id":"B\ud800","status":"IN_PROGRESS"}""")]
    [InlineData("""{"update_id":"B","status":"IN_PROGRESS","status_notes":"\udfff"}""")]
    public async Task A_back_office_update_with_a_lone_surrogate_answers_400_and_stores_nothing(string json)
    {
        var id = await app.PostReportAsync();
        var key = await app.CreateBackOfficeKeyAsync();

        var response = await app.PostBackOfficeJsonAsync(key, id, json);

        Assert.Equal(["The body holds a lone surrogate (such as \\ud800 without its pair), which is no Unicode character."],
            await Open311Assert.JsonErrors(response, HttpStatusCode.BadRequest));
        Assert.Empty(await app.UpdatesOfAsync(id));
    }
}
