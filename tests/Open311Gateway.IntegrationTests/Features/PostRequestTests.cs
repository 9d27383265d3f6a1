using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Accepted POSTs: how each service type answers, both body encodings and both attribute spellings.</summary>
public sealed class PostRequestTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string PotholeNotice = "Wir prüfen Ihre Meldung binnen drei Werktagen.";

    private static long IdOf(JToken answer) => long.Parse((string)answer[0]!["service_request_id"]!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_realtime_service_answers_a_service_request_id_and_its_notice_in_json()
    {
        var response = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey));
        var body = await Open311Assert.Answer(response, HttpStatusCode.OK, Open311Assert.Json);
        Assert.Equal($$"""[{"service_request_id":"*","service_notice":"{{PotholeNotice}}"}]""", Open311Assert.Masked(body, "service_request_id"));
        var row = await Rows.FindAsync(app, IdOf(Open311Assert.ParseJson(body)));
        Assert.Equal("open", row.Status);
        Assert.Null(row.Token);
    }

    [Fact]
    public async Task A_realtime_service_answers_in_xml_when_posted_to_requests_xml()
    {
        var response = await app.Client.PostFormAsync("requests.xml", HttpHelpers.Pothole(app.ApiKey));
        var body = await Open311Assert.Answer(response, HttpStatusCode.OK, Open311Assert.Xml);
        Assert.Equal($"""
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id>*</service_request_id>
                <service_notice>{PotholeNotice}</service_notice>
              </request>
            </service_requests>
            """, Open311Assert.Masked(body, "service_request_id"));
        var id = System.Xml.Linq.XDocument.Parse(body).Root!.Element("request")!.Element("service_request_id")!.Value;
        Assert.Matches("^[1-9][0-9]*$", id);
    }

    [Fact]
    public async Task The_account_id_is_echoed_in_the_post_answer()
    {
        var json = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("account_id", "konto-42")));
        Assert.Equal($$"""[{"service_request_id":"*","service_notice":"{{PotholeNotice}}","account_id":"konto-42"}]""",
            Open311Assert.Masked(await Open311Assert.Answer(json, HttpStatusCode.OK, Open311Assert.Json), "service_request_id"));
        var xml = await app.Client.PostFormAsync("requests.xml", HttpHelpers.Pothole(app.ApiKey, ("account_id", "konto-42")));
        Assert.Equal($"""
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id>*</service_request_id>
                <service_notice>{PotholeNotice}</service_notice>
                <account_id>konto-42</account_id>
              </request>
            </service_requests>
            """, Open311Assert.Masked(await Open311Assert.Answer(xml, HttpStatusCode.OK, Open311Assert.Xml), "service_request_id"));
    }

    [Fact]
    public async Task A_batch_service_answers_only_a_token_that_resolves_at_once_in_both_formats()
    {
        var response = await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_string", "Waldweg 1"));
        var body = await Open311Assert.Answer(response, HttpStatusCode.OK, Open311Assert.Json);
        // No "service_notice": null: the standard's answer schema wants a string wherever the field appears.
        Assert.Equal("""[{"token":"*"}]""", Open311Assert.Masked(body, "token"));
        var token = (string)Open311Assert.ParseJson(body)[0]!["token"]!;
        Assert.Matches("^[A-Za-z0-9_-]{16,64}$", token);

        long id;
        await using (var db = app.Database.CreateDbContext())
            id = (await db.ServiceRequests.SingleAsync(r => r.Token == token)).Id;

        await Open311Assert.Body(await app.Client.GetOpen311Async($"tokens/{token}.json"), HttpStatusCode.OK, Open311Assert.Json,
            $$"""[{"service_request_id":"{{id}}","token":"{{token}}"}]""");
        await Open311Assert.Body(await app.Client.GetOpen311Async($"tokens/{token}.xml"), HttpStatusCode.OK, Open311Assert.Xml, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id>{id}</service_request_id>
                <token>{token}</token>
              </request>
            </service_requests>
            """);
    }

    [Fact]
    public async Task A_batch_service_answers_its_token_in_xml_too()
    {
        var response = await app.Client.PostFormAsync("requests.xml",
            ("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_string", "Waldweg 1"));
        var body = await Open311Assert.Answer(response, HttpStatusCode.OK, Open311Assert.Xml);
        Assert.Equal("""
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <token>*</token>
              </request>
            </service_requests>
            """, Open311Assert.Masked(body, "token"));
    }

    [Fact]
    public async Task A_blackbox_service_answers_only_its_notice_and_the_request_is_never_published()
    {
        var before = await Rows.CountAsync(app);
        var json = await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "HINWEIS"), ("address_string", "Rathaus"), ("description", "Blackbox-Hinweis"));
        await Open311Assert.Body(json, HttpStatusCode.OK, Open311Assert.Json, """[{"service_notice":"Danke für Ihren Hinweis."}]""");
        var xml = await app.Client.PostFormAsync("requests.xml",
            ("api_key", app.ApiKey), ("service_code", "HINWEIS"), ("address_string", "Rathaus"), ("description", "Blackbox-Hinweis"));
        await Open311Assert.Body(xml, HttpStatusCode.OK, Open311Assert.Xml, """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_notice>Danke für Ihren Hinweis.</service_notice>
              </request>
            </service_requests>
            """);
        Assert.Equal(before + 2, await Rows.CountAsync(app));

        long[] ids;
        await using (var db = app.Database.CreateDbContext())
            ids = await db.ServiceRequests.Where(r => r.Description == "Blackbox-Hinweis").Select(r => r.Id).ToArrayAsync();
        Assert.Equal(2, ids.Length);
        foreach (var path in new[] { "requests.json", "requests.xml", $"requests.json?service_request_id={ids[0]},{ids[1]}", "requests.json?service_code=HINWEIS" })
        {
            var list = await app.Client.GetOpen311Async(path);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain("Blackbox-Hinweis", await list.Content.ReadAsStringAsync());
        }
        await Open311Assert.JsonErrors(await app.Client.GetOpen311Async($"requests/{ids[0]}.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_json_body_with_attribute_keys_is_accepted_like_a_form()
    {
        var response = await app.Client.PostJsonAsync("requests.json", new JObject
        {
            ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["lat"] = 52.52, ["long"] = 13.405,
            ["attribute[GROESSE]"] = "groß", ["attribute[TIEFE_CM]"] = 12.5, ["description"] = "Per JSON",
        });
        var row = await Rows.FindAsync(app, IdOf(await Open311Assert.JsonAnswer(response)));
        Assert.Equal("Per JSON", row.Description);
        Assert.Equal(52.52, row.Location!.Y);
        Assert.Equal(13.405, row.Location.X);
        Assert.Equal(["groß"], row.Attributes["GROESSE"]);
        Assert.Equal(["12.5"], row.Attributes["TIEFE_CM"]);
    }

    [Fact]
    public async Task A_json_body_with_an_attribute_object_is_accepted()
    {
        var response = await app.Client.PostJsonAsync("requests.json", new JObject
        {
            ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["address_string"] = "Am Markt 1",
            ["attribute"] = new JObject { ["GROESSE"] = "klein", ["BEOBACHTET_AM"] = "2026-03-01T09:30:00+01:00" },
        });
        var row = await Rows.FindAsync(app, IdOf(await Open311Assert.JsonAnswer(response)));
        Assert.Equal("Am Markt 1", row.AddressString);
        Assert.Equal(["klein"], row.Attributes["GROESSE"]);
        Assert.Equal(["2026-03-01T09:30:00+01:00"], row.Attributes["BEOBACHTET_AM"]);
    }

    [Fact]
    public async Task A_json_body_answers_in_xml_when_posted_to_requests_xml()
    {
        var response = await app.Client.PostJsonAsync("requests.xml", new JObject
        {
            ["api_key"] = app.ApiKey, ["service_code"] = "WILDER_MUELL", ["address_id"] = "ALK-1",
            ["attribute"] = new JObject { ["ART"] = new JArray("sperrmuell", "bauschutt") },
        });
        var xml = await Open311Assert.XmlAnswer(response);
        var token = xml.Root!.Element("request")!.Element("token")!.Value;
        await using var db = app.Database.CreateDbContext();
        var row = await db.ServiceRequests.SingleAsync(r => r.Token == token);
        Assert.Equal(["sperrmuell", "bauschutt"], row.Attributes["ART"]);
        Assert.Equal("ALK-1", row.AddressId);
    }

    [Fact]
    public async Task A_multi_value_attribute_is_accepted_with_brackets()
    {
        var body = Send.Form(("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_string", "Waldweg 2"),
            ("attribute[ART][]", "sperrmuell"), ("attribute[ART][]", "elektro"));
        var token = (string)(await Open311Assert.JsonAnswer(await app.Client.PostFormTextAsync("requests.json", body)))[0]!["token"]!;
        await using var db = app.Database.CreateDbContext();
        Assert.Equal(["sperrmuell", "elektro"], (await db.ServiceRequests.SingleAsync(r => r.Token == token)).Attributes["ART"]);
    }

    [Fact]
    public async Task A_multi_value_attribute_is_accepted_as_a_repeated_field_as_fixmystreet_sends_it()
    {
        var body = Send.Form(("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_string", "Waldweg 3"),
            ("attribute[ART]", "sperrmuell"), ("attribute[ART]", "elektro"));
        var token = (string)(await Open311Assert.JsonAnswer(await app.Client.PostFormTextAsync("requests.json", body)))[0]!["token"]!;
        await using var db = app.Database.CreateDbContext();
        Assert.Equal(["sperrmuell", "elektro"], (await db.ServiceRequests.SingleAsync(r => r.Token == token)).Attributes["ART"]);
    }

    [Fact]
    public async Task An_empty_jurisdiction_id_counts_as_absent_in_a_post()
    {
        var response = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", ""), ("email", "")));
        var row = await Rows.FindAsync(app, IdOf(await Open311Assert.JsonAnswer(response)));
        Assert.Equal(TestCatalog.Jurisdiction, row.JurisdictionId);
        Assert.Null(row.Email);
    }

    [Fact]
    public async Task The_jurisdiction_id_may_be_given_explicitly()
    {
        var response = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", TestCatalog.Jurisdiction)));
        await Open311Assert.JsonAnswer(response);
    }

    [Fact]
    public async Task A_service_code_with_space_ampersand_and_slash_can_be_posted_and_filtered_on()
    {
        var response = await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "Grün & Park/Bank"), ("lat", "52.1"), ("long", "13.1"), ("description", "Bank kaputt"));
        var id = IdOf(await Open311Assert.JsonAnswer(response));
        var list = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?service_code=Gr%C3%BCn%20%26%20Park%2FBank"));
        var item = Assert.Single(list);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), (string)item["service_request_id"]!);
        Assert.Equal("Grün & Park/Bank", (string)item["service_code"]!);
        Assert.Equal("Parkbank beschädigt", (string)item["service_name"]!);
    }

    [Fact]
    public async Task Every_optional_field_is_stored()
    {
        var response = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey,
            ("address_string", "Hauptstraße 1"), ("address_id", "ALK-9"), ("description", "Alles dabei"),
            ("media_url", "https://example.org/1.jpg"), ("attribute[TIEFE_CM]", "7"), ("attribute[BEOBACHTET_AM]", "2026-03-01T09:30:00")));
        var row = await Rows.FindAsync(app, IdOf(await Open311Assert.JsonAnswer(response)));
        Assert.Equal(("Hauptstraße 1", "ALK-9", "Alles dabei"), (row.AddressString, row.AddressId, row.Description));
        Assert.Equal(["https://example.org/1.jpg"], row.MediaUrls);
        Assert.Equal(["7"], row.Attributes["TIEFE_CM"]);
        Assert.Equal(["klein"], row.Attributes["GROESSE"]);
        Assert.Equal(4326, row.Location!.SRID);
    }

    [Fact]
    public async Task An_informational_attribute_sent_by_a_client_is_not_stored()
    {
        var response = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("attribute[HINWEIS]", "gelesen")));
        var row = await Rows.FindAsync(app, IdOf(await Open311Assert.JsonAnswer(response)));
        Assert.False(row.Attributes.ContainsKey("HINWEIS"));
    }

    [Fact]
    public async Task An_inactive_service_answers_404_and_stores_nothing()
    {
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "ALT"), ("lat", "52.5"), ("long", "13.4"));
        await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown service_code 'ALT'."));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Fact]
    public async Task A_multipart_form_body_is_accepted_too()
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in HttpHelpers.Pothole(app.ApiKey, ("description", "Per multipart")))
            content.Add(new StringContent(value), name);
        var response = await app.Client.PostAsync(HttpHelpers.Base + "requests.json", content);
        var row = await Rows.FindAsync(app, IdOf(await Open311Assert.JsonAnswer(response)));
        Assert.Equal("Per multipart", row.Description);
    }

    [Fact]
    public async Task Fields_may_also_come_in_the_query_string()
    {
        var query = Send.Form(HttpHelpers.Pothole(app.ApiKey));
        var response = await app.Client.PostAsync(HttpHelpers.Base + "requests.json?" + query, null);
        await Open311Assert.JsonAnswer(response);
    }
}
