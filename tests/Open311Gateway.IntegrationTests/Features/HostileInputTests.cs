using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Hostile or broken input answers 4xx, stores nothing, and leaves the service healthy.</summary>
public sealed class HostileInputTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string SqlDrop = "'; DROP TABLE service_requests; --";

    public static TheoryData<string> SqlInjections => ["' OR '1'='1", "1 OR 1=1", SqlDrop, "\" OR \"\"=\"", "1; SELECT pg_sleep(5)--", "%' --"];

    /// <summary>Sends, expects <paramref name="status"/> with an Open311 body, no new row, and a healthy service afterwards.</summary>
    private async Task<List<string>> RefusedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode status)
    {
        var before = await Rows.CountAsync(app);
        var errors = await Open311Assert.JsonErrors(await send(), status);
        Assert.Equal(before, await Rows.CountAsync(app));
        await AssertHealthyAsync();
        return errors;
    }

    private async Task AssertHealthyAsync()
    {
        var post = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("description", "Noch gesund")));
        Assert.Matches("^[1-9][0-9]*$", (string)(await Open311Assert.JsonAnswer(post))[0]!["service_request_id"]!);
        Assert.Equal(4, (await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("services.json"))).Count());
    }

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(311).NextBytes(bytes);
        return bytes;
    }

    // ---- broken bodies

    [Fact]
    public async Task Garbage_bytes_with_a_form_content_type_answer_4xx()
    {
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostRawAsync("requests.json", Garbage(8192), "application/x-www-form-urlencoded");
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(Open311Assert.Json, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(before, await Rows.CountAsync(app));
        await AssertHealthyAsync();
    }

    [Fact]
    public async Task Garbage_bytes_after_a_valid_key_answer_400()
    {
        var query = "?api_key=" + Uri.EscapeDataString(app.ApiKey);
        var errors = await RefusedAsync(() => app.Client.PostRawAsync("requests.json" + query, Garbage(8192), "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("{\"api_key\": ")]
    [InlineData("{api_key: 'x', }}")]
    [InlineData("nicht json")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    public async Task Invalid_json_answers_400(string body) =>
        Assert.StartsWith("The JSON body is not valid JSON", Assert.Single(await RefusedAsync(() => app.Client.PostRawAsync("requests.json", body, "application/json"), HttpStatusCode.BadRequest)));

    [Theory]
    [InlineData("\"service_code\":\"NOPE\",\"service_code\":\"SCHLAGLOCH\"", "service_code")]
    [InlineData("\"service_code\":\"SCHLAGLOCH\",\"media_url\":\"https://a.example/1.jpg\",\"media_url\":\"https://a.example/2.jpg\"", "media_url")]
    [InlineData("\"service_code\":\"SCHLAGLOCH\",\"attribute\":{\"GROESSE\":\"klein\",\"GROESSE\":\"gross\"}", "GROESSE")]
    public async Task A_json_key_given_twice_answers_400_and_is_not_guessed(string fields, string twice)
    {
        var body = $"{{\"api_key\":\"{app.ApiKey}\",\"lat\":\"52.5\",\"long\":\"13.4\",{fields}}}";
        var error = Assert.Single(await RefusedAsync(() => app.Client.PostRawAsync("requests.json", body, "application/json"), HttpStatusCode.BadRequest));
        Assert.StartsWith("The JSON body is not valid JSON", error);
        Assert.Contains($"'{twice}'", error);
    }

    [Fact]
    public async Task Thousands_of_unknown_attributes_answer_a_short_capped_error_list()
    {
        // JSON, as a form body stops at 1024 fields; 10,000 codes fit in the 256 KiB field limit.
        var attributes = new JObject();
        for (var i = 0; i < 10_000; i++) attributes[$"X{i:D5}"] = "1";
        var body = new JObject { ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["address_string"] = "Marktplatz 1", ["attribute"] = attributes };
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostJsonAsync("requests.json", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.InRange(text.Length, 1, 8_000);
        var errors = JArray.Parse(text).Select(e => (string)e["description"]!).ToList();
        Assert.Equal(21, errors.Count);
        Assert.Matches("^… and 99[89][0-9] more problems\\.$", errors[^1]);
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Fact]
    public async Task An_unknown_jurisdiction_id_is_echoed_shortened()
    {
        var errors = await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("requests.json?jurisdiction_id=" + new string('x', 5_000)), HttpStatusCode.NotFound);
        Assert.InRange(Assert.Single(errors).Length, 1, 120);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"service_code\":\"SCHLAGLOCH\"}]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task A_json_body_that_is_not_an_object_answers_400(string body) =>
        Assert.Equal(["The JSON body must be an object of fields."],
            await RefusedAsync(() => app.Client.PostRawAsync("requests.json", body, "application/json"), HttpStatusCode.BadRequest));

    [Fact]
    public async Task A_json_field_holding_an_object_answers_400()
    {
        var body = new JObject { ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["description"] = new JObject { ["a"] = new JObject { ["b"] = 1 } } };
        Assert.Equal(["description must be a string, a number, a boolean or a list of those."],
            await RefusedAsync(() => app.Client.PostJsonAsync("requests.json", body), HttpStatusCode.BadRequest));
        var attribute = new JObject { ["api_key"] = app.ApiKey, ["attribute"] = new JObject { ["GROESSE"] = new JObject { ["x"] = "y" } } };
        Assert.Equal(["attribute.GROESSE must be a string, a number, a boolean or a list of those."],
            await RefusedAsync(() => app.Client.PostJsonAsync("requests.json", attribute), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Deeply_nested_json_answers_400()
    {
        var body = "{\"description\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        await RefusedAsync(() => app.Client.PostRawAsync("requests.json", body, "application/json"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("image/png")]
    public async Task An_unsupported_content_type_answers_400(string contentType)
    {
        var body = Send.Form(HttpHelpers.Pothole(app.ApiKey));
        var errors = await RefusedAsync(() => app.Client.PostRawAsync("requests.json", body, contentType), HttpStatusCode.BadRequest);
        Assert.Equal([$"Unsupported Content-Type '{contentType}': send application/x-www-form-urlencoded (or application/json)."], errors);
    }

    // ---- size

    private const string TooLarge = "The request's fields are larger than 262144 bytes; only one photo (media) may be larger.";

    [Fact]
    public async Task An_8_mib_body_with_a_content_length_answers_413() =>
        Assert.Equal([TooLarge], await RefusedAsync(() => app.Client.PostRawAsync("requests.json", new byte[8 * 1024 * 1024], "application/x-www-form-urlencoded"),
            HttpStatusCode.RequestEntityTooLarge));

    [Fact]
    public async Task An_8_mib_chunked_body_answers_413()
    {
        Assert.Equal([TooLarge], await RefusedAsync(async () =>
        {
            var content = new UnknownLengthContent(8 * 1024 * 1024, (byte)'a');
            content.Headers.ContentType = new("application/x-www-form-urlencoded");
            var request = new HttpRequestMessage(HttpMethod.Post, HttpHelpers.Base + "requests.json") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            return await app.Client.SendAsync(request);
        }, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task A_million_character_attribute_value_answers_413()
    {
        Assert.Equal([TooLarge], await RefusedAsync(() => app.Client.PostFormTextAsync("requests.json",
            Send.Form(HttpHelpers.Pothole(app.ApiKey, ("attribute[TIEFE_CM]", new string('9', 1_000_000))))), HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal([TooLarge], await RefusedAsync(() => app.Client.PostJsonAsync("requests.json", new JObject
        {
            ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["address_id"] = "A",
            ["attribute"] = new JObject { ["GROESSE"] = new string('x', 1_000_000) },
        }), HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task A_long_attribute_value_within_the_body_limit_is_refused_by_length()
    {
        var errors = await RefusedAsync(() => app.Client.PostFormAsync("requests.json",
            HttpHelpers.Pothole(app.ApiKey, ("attribute[TIEFE_CM]", new string('9', 100_000)))), HttpStatusCode.BadRequest);
        var error = Assert.Single(errors);
        Assert.True(error.Length < 300, error);
    }

    [Fact]
    public async Task Ten_thousand_form_fields_answer_4xx()
    {
        var body = Send.Form(HttpHelpers.Pothole(app.ApiKey, [.. Enumerable.Range(0, 10_000).Select(i => ($"feld{i}", "x"))]));
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostFormTextAsync("requests.json", body);
        Assert.InRange((int)response.StatusCode, 400, 499);
        await Open311Assert.JsonErrors(response, response.StatusCode);
        Assert.Equal(before, await Rows.CountAsync(app));
        await AssertHealthyAsync();
    }

    [Theory]
    [InlineData(3_000)]
    [InlineData(200_000)]
    public async Task A_very_long_field_name_answers_4xx(int length)
    {
        var body = Send.Form(HttpHelpers.Pothole(app.ApiKey, (new string('n', length), "x"), ($"attribute[{new string('A', length)}]", "x")));
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostFormTextAsync("requests.json", body);
        Assert.InRange((int)response.StatusCode, 400, 499);
        foreach (var description in await Open311Assert.JsonErrors(response, response.StatusCode))
            Assert.True(description.Length < 500, $"The error echoes {description.Length} characters.");
        Assert.Equal(before, await Rows.CountAsync(app));
        await AssertHealthyAsync();
    }

    // ---- injection

    [Theory]
    [MemberData(nameof(SqlInjections))]
    public async Task Sql_in_lookups_is_just_an_unknown_value(string sql)
    {
        var escaped = Uri.EscapeDataString(sql);
        Assert.Single(await RefusedAsync(() => app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", sql), ("lat", "52"), ("long", "13")), HttpStatusCode.NotFound));
        Assert.Single(await RefusedAsync(() => app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", sql))), HttpStatusCode.NotFound));
        Assert.Single(await RefusedAsync(() => app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(sql)), HttpStatusCode.Forbidden));
        Assert.Single(await RefusedAsync(() => app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole("o311_" + sql + "_x")), HttpStatusCode.Forbidden));
        Assert.Single(await RefusedAsync(() => app.Client.GetOpen311Async("requests.json?service_code=" + escaped), HttpStatusCode.BadRequest));
        Assert.NotEmpty(await RefusedAsync(() => app.Client.GetOpen311Async("requests.json?service_request_id=" + escaped), HttpStatusCode.BadRequest));
        Assert.NotEmpty(await RefusedAsync(() => app.Client.GetOpen311Async("requests.json?status=" + escaped), HttpStatusCode.BadRequest));
        Assert.Single(await RefusedAsync(() => app.Client.GetOpen311Async("services.json?jurisdiction_id=" + escaped), HttpStatusCode.NotFound));
        Assert.Single(await RefusedAsync(() => app.Client.GetOpen311Async($"services/{escaped}.json"), HttpStatusCode.NotFound));
        Assert.Single(await RefusedAsync(() => app.Client.GetOpen311Async($"requests/{escaped}.json"), HttpStatusCode.NotFound));
        Assert.Single(await RefusedAsync(() => app.Client.GetOpen311Async($"tokens/{escaped}.json"), HttpStatusCode.NotFound));

        await using var db = app.Database.CreateDbContext();
        Assert.Equal(5, await db.Services.CountAsync());
    }

    [Fact]
    public async Task Script_and_sql_in_a_description_are_stored_verbatim_and_escaped_in_xml()
    {
        var text = $"<script>alert('x')</script> & {SqlDrop} ]]> <![CDATA[ \"quoted\"";
        var post = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("description", text))));
        var id = (string)post[0]!["service_request_id"]!;
        Assert.Equal(text, (await Rows.FindAsync(app, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))).Description);

        var xmlText = await Open311Assert.Answer(await app.Client.GetOpen311Async($"requests/{id}.xml"), HttpStatusCode.OK, Open311Assert.Xml);
        Assert.DoesNotContain("<script>", xmlText, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; '; DROP TABLE service_requests; --", xmlText, StringComparison.Ordinal);
        Assert.Equal(text, System.Xml.Linq.XDocument.Parse(xmlText).Root!.Element("request")!.Element("description")!.Value);

        var json = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{id}.json"));
        Assert.Equal(text, (string)json[0]!["description"]!);
        await AssertHealthyAsync();
    }

    // ---- coordinates and characters

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e400")]
    [InlineData("91")]
    [InlineData("-181")]
    [InlineData("0x10")]
    [InlineData(" ")]
    public async Task A_coordinate_that_is_not_a_finite_degree_answers_400(string value)
    {
        await RefusedAsync(() => app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "klein"), ("lat", value), ("long", value)), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"lat": NaN, "long": 13}""")]
    [InlineData("""{"lat": Infinity, "long": 13}""")]
    [InlineData("""{"lat": 1e400, "long": 13}""")]
    [InlineData("""{"lat": -1e400, "long": 13}""")]
    [InlineData("""{"lat": 52, "long": -181}""")]
    [InlineData("""{"lat": 91, "long": 13}""")]
    [InlineData("""{"lat": 123456789012345678901234567890, "long": 13}""")]
    [InlineData("""{"lat": true, "long": 13}""")]
    public async Task A_json_coordinate_that_is_not_a_finite_degree_answers_400(string coordinates)
    {
        var body = JObject.Parse(coordinates.Replace("NaN", "\"NaN\"").Replace("Infinity", "\"Infinity\""));
        body["api_key"] = app.ApiKey;
        body["service_code"] = "SCHLAGLOCH";
        body["attribute[GROESSE]"] = "klein";
        var raw = body.ToString(Newtonsoft.Json.Formatting.None);
        if (coordinates.Contains("1e400", StringComparison.Ordinal)) raw = raw.Replace("\"lat\":\"", "\"lat\":").Replace("e400\"", "e400");
        raw = coordinates.Contains("NaN", StringComparison.Ordinal) || coordinates.Contains("Infinity", StringComparison.Ordinal)
            ? raw.Replace("\"NaN\"", "NaN").Replace("\"Infinity\"", "Infinity")
            : raw;
        await RefusedAsync(() => app.Client.PostRawAsync("requests.json", raw, "application/json"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0001")]
    [InlineData("\u0008")]
    [InlineData("\u000B")]
    [InlineData("\u001B[31m")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    public async Task Control_characters_in_a_description_answer_400(string control)
    {
        Assert.Equal(["description contains control characters."], await RefusedAsync(() => app.Client.PostFormAsync("requests.json",
            HttpHelpers.Pothole(app.ApiKey, ("description", $"vorher{control}nachher"))), HttpStatusCode.BadRequest));
        Assert.Equal(["description contains control characters."], await RefusedAsync(() => app.Client.PostJsonAsync("requests.json", new JObject
        {
            ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["address_id"] = "A", ["attribute[GROESSE]"] = "klein",
            ["description"] = $"vorher{control}nachher",
        }), HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("a\\udfffb")]
    [InlineData("\\ude00\\ud83d")]
    public async Task An_unpaired_surrogate_in_a_json_description_answers_400_instead_of_becoming_the_replacement_character(string escaped)
    {
        // Read as U+FFFD (as before ADR 18), two different texts would be stored as one.
        var body = $$"""{"api_key":"{{app.ApiKey}}","service_code":"SCHLAGLOCH","address_id":"A","attribute[GROESSE]":"klein","description":"x{{escaped}}y"}""";
        Assert.Equal([LoneSurrogate], await RefusedAsync(() => app.Client.PostRawAsync("requests.json", body, "application/json"), HttpStatusCode.BadRequest));
    }

    private const string LoneSurrogate = "The JSON body holds a lone surrogate (such as \\ud800 without its pair), which is no Unicode character.";

    [Fact]
    public async Task Nul_characters_in_looked_up_values_answer_4xx_not_500()
    {
        await RefusedAsync(() => app.Client.PostFormAsync("requests.json", ("api_key", app.ApiKey), ("service_code", "SCHLAG\0LOCH"), ("address_id", "A")), HttpStatusCode.NotFound);
        await RefusedAsync(() => app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", "test\0stadt.de"))), HttpStatusCode.NotFound);
        await RefusedAsync(() => app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole("o311_ab\0cd_geheim")), HttpStatusCode.Forbidden);
        await RefusedAsync(() => app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey + "\0")), HttpStatusCode.Forbidden);
        await RefusedAsync(() => app.Client.GetOpen311Async("requests.json?service_code=SCHLAG%00LOCH"), HttpStatusCode.BadRequest);
        await RefusedAsync(() => app.Client.GetOpen311Async("requests.json?service_code=SCHLAGLOCH,%00"), HttpStatusCode.BadRequest);
        // A NUL in the path (services/%00.json) never reaches the gateway: the server refuses it first.
        await RefusedAsync(() => app.Client.GetOpen311Async("services.json?jurisdiction_id=%00"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unpaired_surrogate_in_a_json_service_code_or_key_answers_400_not_500()
    {
        // An unreadable body answers 400 before the key is looked at (the order of checks in openapi.yaml).
        var code = $$"""{"api_key":"{{app.ApiKey}}","service_code":"SCHLAG\ud800LOCH","address_id":"A"}""";
        Assert.Equal([LoneSurrogate], await RefusedAsync(() => app.Client.PostRawAsync("requests.json", code, "application/json"), HttpStatusCode.BadRequest));
        var key = """{"api_key":"o311_ab\ud800cd_geheim","service_code":"SCHLAGLOCH","address_id":"A"}""";
        Assert.Equal([LoneSurrogate], await RefusedAsync(() => app.Client.PostRawAsync("requests.json", key, "application/json"), HttpStatusCode.BadRequest));
    }

    /// <summary>A body whose length is not known up front, so it goes out chunked.</summary>
    private sealed class UnknownLengthContent(int length, byte fill) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = Enumerable.Repeat(fill, 64 * 1024).ToArray();
            try
            {
                for (var written = 0; written < length; written += chunk.Length)
                    await stream.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, length - written)));
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server may answer 413 and stop reading before the whole body is sent.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
