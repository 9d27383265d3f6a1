using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Refused POSTs: the status, every error at once, and nothing stored.</summary>
public sealed class PostValidationTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string KeyRequired = "A valid api_key is required to submit a request.";

    /// <summary>Posts, checks the JSON error list and that no row was added; returns the descriptions.</summary>
    private async Task<List<string>> RefusedAsync(HttpStatusCode status, params (string, string)[] fields)
    {
        var before = await Rows.CountAsync(app);
        var errors = await Open311Assert.JsonErrors(await app.Client.PostFormTextAsync("requests.json", Send.Form(fields)), status);
        Assert.Equal(before, await Rows.CountAsync(app));
        return errors;
    }

    private Task<List<string>> BadRequestAsync(params (string, string)[] extra) => RefusedAsync(HttpStatusCode.BadRequest, HttpHelpers.Pothole(app.ApiKey, extra));

    private async Task AcceptedAsync(params (string, string)[] fields)
    {
        var response = await app.Client.PostFormTextAsync("requests.json", Send.Form(fields));
        await Open311Assert.JsonAnswer(response);
    }

    // ---- 403 before everything else

    [Fact]
    public async Task A_missing_api_key_answers_403_even_when_everything_else_is_wrong_too()
    {
        var errors = await RefusedAsync(HttpStatusCode.Forbidden,
            ("service_code", "GIBTS_NICHT"), ("jurisdiction_id", "gibtsnicht.de"), ("lat", "91"), ("description", new string('x', 5000)));
        Assert.Equal([KeyRequired], errors);
    }

    [Fact]
    public async Task The_403_body_is_exact_in_both_formats()
    {
        await Open311Assert.Body(await app.Client.PostFormAsync("requests.json", ("service_code", "SCHLAGLOCH")),
            HttpStatusCode.Forbidden, Open311Assert.Json, Open311Assert.JsonError(403, KeyRequired));
        await Open311Assert.Body(await app.Client.PostFormAsync("requests.xml", ("service_code", "SCHLAGLOCH")),
            HttpStatusCode.Forbidden, Open311Assert.Xml, Open311Assert.XmlError(403, KeyRequired));
    }

    [Theory]
    [InlineData("")]
    [InlineData("falsch")]
    [InlineData("o311_")]
    [InlineData("o311__geheim")]
    [InlineData("o311_abcdef_")]
    [InlineData("o311_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("o311_0123456789abcdef0123456789abcdef0_x")]
    [InlineData("' OR '1'='1")]
    public async Task A_wrong_api_key_answers_403_before_any_other_validation(string key)
    {
        var errors = await RefusedAsync(HttpStatusCode.Forbidden, ("api_key", key), ("service_code", "GIBTS_NICHT"));
        Assert.Equal([KeyRequired], errors);
    }

    [Fact]
    public async Task The_right_key_id_with_a_wrong_secret_answers_403()
    {
        ApiKey.TryParse(app.ApiKey, out var key);
        var errors = await RefusedAsync(HttpStatusCode.Forbidden, HttpHelpers.Pothole(new ApiKey(key!.KeyId, key.Secret + "x").ToString()));
        Assert.Equal([KeyRequired], errors);
    }

    [Fact]
    public async Task A_revoked_api_key_answers_403()
    {
        string revoked;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
            (_, revoked) = await keys.CreateAsync("Widerrufen", CancellationToken.None);
            await AcceptedAsync(HttpHelpers.Pothole(revoked));
            Assert.True(await keys.RevokeAsync(revoked, CancellationToken.None));
        }
        var errors = await RefusedAsync(HttpStatusCode.Forbidden, HttpHelpers.Pothole(revoked, ("lat", "91")));
        Assert.Equal([KeyRequired], errors);
    }

    [Fact]
    public async Task A_missing_key_in_a_json_body_answers_403_too()
    {
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostJsonAsync("requests.xml", new JObject { ["service_code"] = "SCHLAGLOCH", ["lat"] = 52.5, ["long"] = 13.4 });
        await Open311Assert.Body(response, HttpStatusCode.Forbidden, Open311Assert.Xml, Open311Assert.XmlError(403, KeyRequired));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    // ---- 404

    [Fact]
    public async Task An_unknown_service_code_answers_404()
    {
        var errors = await RefusedAsync(HttpStatusCode.NotFound, ("api_key", app.ApiKey), ("service_code", "GIBTS_NICHT"), ("lat", "52"), ("long", "13"));
        Assert.Equal(["Unknown service_code 'GIBTS_NICHT'."], errors);
    }

    [Fact]
    public async Task An_unknown_jurisdiction_answers_404()
    {
        var errors = await RefusedAsync(HttpStatusCode.NotFound, HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", "gibtsnicht.de")));
        Assert.Equal(["Unknown jurisdiction_id 'gibtsnicht.de'."], errors);
    }

    [Fact]
    public async Task A_missing_service_code_answers_400()
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest, ("api_key", app.ApiKey), ("lat", "52"), ("long", "13"));
        Assert.Equal(["service_code is required."], errors);
    }

    // ---- 400 with every problem at once

    [Fact]
    public async Task Several_problems_are_reported_together()
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest,
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "riesig"), ("description", new string('a', 4001)));
        Assert.Equal(
        [
            "A location is required: lat and long, address_string or address_id.",
            "description is 4001 characters long; at most 4000 are allowed.",
            "attribute[GROESSE] 'riesig' is not one of: klein, groß.",
        ], errors);
    }

    [Fact]
    public async Task Several_problems_are_reported_together_in_xml()
    {
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostFormAsync("requests.xml", ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("lat", "52.5"));
        await Open311Assert.Body(response, HttpStatusCode.BadRequest, Open311Assert.Xml, Open311Assert.XmlError(400,
            "lat and long go together: send both or neither.",
            "attribute[GROESSE] is required: Wie groß ist das Schlagloch?"));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Fact]
    public async Task A_description_of_4000_characters_is_accepted_and_one_of_4001_refused()
    {
        await AcceptedAsync(HttpHelpers.Pothole(app.ApiKey, ("description", new string('ä', 4000))));
        Assert.Equal(["description is 4001 characters long; at most 4000 are allowed."],
            await BadRequestAsync(("description", new string('ä', 4001))));
    }

    // ---- location

    [Fact]
    public async Task Lat_without_long_is_refused()
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest,
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "klein"), ("lat", "52.5"), ("address_string", "Markt 1"));
        Assert.Equal(["lat and long go together: send both or neither."], errors);
    }

    [Fact]
    public async Task Long_without_lat_is_refused()
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest,
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "klein"), ("long", "13.4"));
        Assert.Equal(["lat and long go together: send both or neither."], errors);
    }

    [Theory]
    [InlineData("address_string", "Markt 1")]
    [InlineData("address_id", "ALK-1")]
    public async Task An_address_alone_is_a_location(string field, string value) =>
        await AcceptedAsync(("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "klein"), (field, value));

    [Theory]
    [InlineData("91", "13", "lat 91 is out of range (-90 to 90).")]
    [InlineData("-90.0001", "13", "lat -90.0001 is out of range (-90 to 90).")]
    [InlineData("52", "-181", "long -181 is out of range (-180 to 180).")]
    [InlineData("52", "180.5", "long 180.5 is out of range (-180 to 180).")]
    [InlineData("NaN", "13", "lat 'NaN' is not a WGS84 coordinate in decimal degrees.")]
    [InlineData("52", "Infinity", "long 'Infinity' is not a WGS84 coordinate in decimal degrees.")]
    [InlineData("-Infinity", "13", "lat '-Infinity' is not a WGS84 coordinate in decimal degrees.")]
    [InlineData("1e400", "13", "lat '1e400' is not a WGS84 coordinate in decimal degrees.")]
    [InlineData("52,5", "13", "lat '52,5' is not a WGS84 coordinate in decimal degrees.")]
    [InlineData("52", "dreizehn", "long 'dreizehn' is not a WGS84 coordinate in decimal degrees.")]
    public async Task A_coordinate_that_is_no_wgs84_degree_is_refused(string lat, string lon, string error)
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest,
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "klein"), ("lat", lat), ("long", lon));
        Assert.Equal([error], errors);
    }

    [Fact]
    public async Task The_extreme_coordinates_are_accepted() =>
        await AcceptedAsync(("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("attribute[GROESSE]", "klein"), ("lat", "-90"), ("long", "180"));

    // ---- media_url

    [Theory]
    [InlineData("ftp://example.org/bild.jpg")]
    [InlineData("/bilder/loch.jpg")]
    [InlineData("bilder/loch.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:image/png;base64,AAAA")]
    public async Task A_media_url_must_be_an_absolute_http_url(string url)
    {
        var errors = await BadRequestAsync(("media_url", url));
        Assert.Equal([$"media_url '{url}' is not an absolute http(s) URL."], errors);
    }

    [Theory]
    [InlineData("http://example.org/bild.jpg")]
    [InlineData("https://example.org/bilder/loch.jpg?groesse=1")]
    public async Task An_absolute_http_or_https_media_url_is_accepted(string url) =>
        await AcceptedAsync(HttpHelpers.Pothole(app.ApiKey, ("media_url", url)));

    // ---- attributes

    [Fact]
    public async Task A_required_attribute_that_is_missing_is_refused()
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest, ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("lat", "52"), ("long", "13"));
        Assert.Equal(["attribute[GROESSE] is required: Wie groß ist das Schlagloch?"], errors);
    }

    [Fact]
    public async Task A_required_attribute_sent_empty_counts_as_missing()
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest,
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("lat", "52"), ("long", "13"), ("attribute[GROESSE]", ""));
        Assert.Equal(["attribute[GROESSE] is required: Wie groß ist das Schlagloch?"], errors);
    }

    [Theory]
    [InlineData("zwei")]
    [InlineData("2,5")]
    [InlineData("NaN")]
    public async Task A_number_attribute_must_be_a_number(string value) =>
        Assert.Equal([$"attribute[TIEFE_CM] '{value}' is not a number (use a decimal point: 2.5)."], await BadRequestAsync(("attribute[TIEFE_CM]", value)));

    [Theory]
    [InlineData("gestern")]
    [InlineData("01.03.2026")]
    [InlineData("2026-02-30T10:00:00+01:00")]
    [InlineData("2026-03-01T25:00:00+01:00")]
    public async Task A_datetime_attribute_must_be_a_w3c_date_time(string value) =>
        Assert.Equal([$"attribute[BEOBACHTET_AM] '{value}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00."],
            await BadRequestAsync(("attribute[BEOBACHTET_AM]", value)));

    [Fact]
    public async Task A_list_attribute_must_use_one_of_its_keys_not_its_names()
    {
        Assert.Equal(["attribute[GROESSE] 'Groß' is not one of: klein, groß."],
            await RefusedAsync(HttpStatusCode.BadRequest, ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("address_id", "A"), ("attribute[GROESSE]", "Groß")));
        Assert.Equal(["attribute[ART] 'moebel' is not one of: sperrmuell, elektro, bauschutt."],
            await RefusedAsync(HttpStatusCode.BadRequest, ("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_id", "A"),
                ("attribute[ART][]", "sperrmuell"), ("attribute[ART][]", "moebel")));
    }

    [Fact]
    public async Task A_single_value_attribute_takes_one_value()
    {
        var errors = await RefusedAsync(HttpStatusCode.BadRequest,
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("address_id", "A"), ("attribute[GROESSE]", "klein"), ("attribute[GROESSE]", "groß"));
        Assert.Equal(["attribute[GROESSE] takes one value, not 2."], errors);
    }

    [Fact]
    public async Task An_attribute_the_service_does_not_define_is_refused() =>
        Assert.Equal(["attribute[FARBE] is not an attribute of this service."], await BadRequestAsync(("attribute[FARBE]", "rot")));

    [Fact]
    public async Task A_field_given_twice_with_different_values_is_refused() =>
        Assert.Equal(["description was given 2 different values; send it once."], await BadRequestAsync(("description", "eins"), ("description", "zwei")));

    [Fact]
    public async Task An_email_that_is_no_address_is_refused() =>
        Assert.Equal(["email 'keine adresse' is not an e-mail address."], await BadRequestAsync(("email", "keine adresse")));

    // ---- wrong method, unknown resources

    [Fact]
    public async Task A_wrong_method_answers_405_with_an_open311_error_body()
    {
        var before = await Rows.CountAsync(app);
        await Open311Assert.Body(await app.Client.SendAsync(HttpMethod.Delete, "requests.json"), HttpStatusCode.MethodNotAllowed, Open311Assert.Json,
            Open311Assert.JsonError(405, "Method DELETE is not allowed on this resource."));
        await Open311Assert.Body(await app.Client.SendAsync(HttpMethod.Put, "services.xml"), HttpStatusCode.MethodNotAllowed, Open311Assert.Xml,
            Open311Assert.XmlError(405, "Method PUT is not allowed on this resource."));
        await Open311Assert.JsonErrors(await app.Client.SendAsync(HttpMethod.Post, "services.json"), HttpStatusCode.MethodNotAllowed);
        await Open311Assert.JsonErrors(await app.Client.SendAsync(HttpMethod.Delete, "requests/1.json"), HttpStatusCode.MethodNotAllowed);
        await Open311Assert.JsonErrors(await app.Client.SendAsync(HttpMethod.Post, "tokens/abc.json"), HttpStatusCode.MethodNotAllowed);
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Theory]
    [InlineData("requests.html")]
    [InlineData("requests.yaml")]
    [InlineData("requests")]
    [InlineData("services")]
    [InlineData("requests.JSON.")]
    [InlineData("discovery.txt")]
    [InlineData("requests/1")]
    [InlineData("tokens/abc.")]
    public async Task An_unknown_format_suffix_answers_404_with_a_json_error_body(string path)
    {
        var errors = await Open311Assert.JsonErrors(await app.Client.GetOpen311Async(path), HttpStatusCode.NotFound);
        Assert.Equal([$"Unknown resource '/open311/v2/{path}': GeoReport v2 resources end in .json or .xml."], errors);
    }

    [Fact]
    public async Task A_post_to_an_unknown_suffix_answers_404_and_stores_nothing()
    {
        var before = await Rows.CountAsync(app);
        await Open311Assert.JsonErrors(await app.Client.PostFormAsync("requests.html", HttpHelpers.Pothole(app.ApiKey)), HttpStatusCode.NotFound);
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Theory]
    [InlineData("gibtsnicht.json")]
    [InlineData("gibtsnicht.xml")]
    [InlineData("requests/1/mehr.json")]
    public async Task An_unknown_resource_answers_404_in_the_asked_for_format(string path)
    {
        var response = await app.Client.GetOpen311Async(path);
        if (path.EndsWith(".xml", StringComparison.Ordinal)) await Open311Assert.XmlErrors(response, HttpStatusCode.NotFound);
        else await Open311Assert.JsonErrors(response, HttpStatusCode.NotFound);
    }
}
