using System.Globalization;
using System.Net;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>The exact shape of a published request, in both formats, for GET requests and GET requests/{id}.</summary>
public sealed class RequestReadTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);

    private Task<ServiceRequest> InsertFullAsync() => Rows.InsertAsync(app, March1, r =>
    {
        r.Status = "closed";
        r.ExtendedStatus = "FIXED";
        r.StatusNotes = "Erledigt am Montag";
        r.AgencyResponsible = "Tiefbauamt";
        r.ServiceNotice = "Wir prüfen Ihre Meldung binnen drei Werktagen.";
        r.UpdatedAt = new DateTimeOffset(2026, 6, 2, 10, 0, 0, TimeSpan.Zero);
        r.ExpectedAt = new DateTimeOffset(2026, 6, 10, 22, 0, 0, TimeSpan.Zero);
        r.Description = "Tiefes Loch vor Hausnummer 5";
        r.AddressString = "Hauptstraße 5, 12345 Teststadt";
        r.AddressId = "ALK-4711";
        r.Zipcode = "12345";
        r.Location = new Point(13.405, 52.52) { SRID = 4326 };
        r.MediaUrls = ["https://example.org/a.jpg", "https://example.org/b.jpg"];
    });

    private Task<ServiceRequest> InsertSparseAsync() => Rows.InsertAsync(app, March1.AddHours(1), r =>
    {
        r.Description = null;
        r.Location = null;
        r.AddressString = "Marktplatz";
    }, serviceCode: "WILDER_MUELL");

    private static string FullJson(long id) =>
        $$"""{"service_request_id":"{{id}}","status":"closed","status_notes":"Erledigt am Montag","service_name":"Schlagloch","service_code":"SCHLAGLOCH","description":"Tiefes Loch vor Hausnummer 5","agency_responsible":"Tiefbauamt","service_notice":"Wir prüfen Ihre Meldung binnen drei Werktagen.","requested_datetime":"2026-03-01T09:30:00+01:00","updated_datetime":"2026-06-02T12:00:00+02:00","expected_datetime":"2026-06-11T00:00:00+02:00","address":"Hauptstraße 5, 12345 Teststadt","address_id":"ALK-4711","zipcode":"12345","lat":52.52,"long":13.405,"media_url":"https://example.org/a.jpg"}""";

    private static string SparseJson(long id) =>
        $$"""{"service_request_id":"{{id}}","status":"open","status_notes":null,"service_name":"Wilder Müll","service_code":"WILDER_MUELL","description":null,"agency_responsible":null,"service_notice":null,"requested_datetime":"2026-03-01T10:30:00+01:00","updated_datetime":"2026-03-01T10:30:00+01:00","expected_datetime":null,"address":"Marktplatz","address_id":null,"zipcode":null,"lat":null,"long":null,"media_url":null}""";

    private static string FullXml(long id) => $"""
          <request>
            <service_request_id>{id}</service_request_id>
            <status>closed</status>
            <status_notes>Erledigt am Montag</status_notes>
            <service_name>Schlagloch</service_name>
            <service_code>SCHLAGLOCH</service_code>
            <description>Tiefes Loch vor Hausnummer 5</description>
            <agency_responsible>Tiefbauamt</agency_responsible>
            <service_notice>Wir prüfen Ihre Meldung binnen drei Werktagen.</service_notice>
            <requested_datetime>2026-03-01T09:30:00+01:00</requested_datetime>
            <updated_datetime>2026-06-02T12:00:00+02:00</updated_datetime>
            <expected_datetime>2026-06-11T00:00:00+02:00</expected_datetime>
            <address>Hauptstraße 5, 12345 Teststadt</address>
            <address_id>ALK-4711</address_id>
            <zipcode>12345</zipcode>
            <lat>52.52</lat>
            <long>13.405</long>
            <media_url>https://example.org/a.jpg</media_url>
          </request>
        """;

    private static string SparseXml(long id) => $"""
          <request>
            <service_request_id>{id}</service_request_id>
            <status>open</status>
            <status_notes />
            <service_name>Wilder Müll</service_name>
            <service_code>WILDER_MUELL</service_code>
            <description />
            <agency_responsible />
            <service_notice />
            <requested_datetime>2026-03-01T10:30:00+01:00</requested_datetime>
            <updated_datetime>2026-03-01T10:30:00+01:00</updated_datetime>
            <expected_datetime />
            <address>Marktplatz</address>
            <address_id />
            <zipcode />
            <lat />
            <long />
            <media_url />
          </request>
        """;

    private static string XmlList(params string[] requests) =>
        Open311Assert.XmlDeclaration + "\n<service_requests>\n" + string.Concat(requests.Select(r => r + "\n")) + "</service_requests>";

    [Fact]
    public async Task A_single_request_in_json_is_a_one_element_array_with_every_standard_field()
    {
        var row = await InsertFullAsync();
        var response = await app.Client.GetOpen311Async($"requests/{row.Id}.json");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Json, $"[{FullJson(row.Id)}]");
    }

    [Fact]
    public async Task A_single_request_in_xml_is_a_service_requests_list_with_one_request()
    {
        var row = await InsertFullAsync();
        var response = await app.Client.GetOpen311Async($"requests/{row.Id}.xml");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Xml, XmlList(FullXml(row.Id)));
    }

    [Fact]
    public async Task Missing_values_are_json_nulls_and_empty_xml_elements_never_left_out()
    {
        var row = await InsertSparseAsync();
        await Open311Assert.Body(await app.Client.GetOpen311Async($"requests/{row.Id}.json"), HttpStatusCode.OK, Open311Assert.Json, $"[{SparseJson(row.Id)}]");
        await Open311Assert.Body(await app.Client.GetOpen311Async($"requests/{row.Id}.xml"), HttpStatusCode.OK, Open311Assert.Xml, XmlList(SparseXml(row.Id)));
    }

    [Fact]
    public async Task The_request_list_in_both_formats_holds_the_requests_newest_first()
    {
        var full = await InsertFullAsync();
        var sparse = await InsertSparseAsync();
        var query = $"?service_request_id={full.Id},{sparse.Id}";
        await Open311Assert.Body(await app.Client.GetOpen311Async("requests.json" + query), HttpStatusCode.OK, Open311Assert.Json,
            $"[{SparseJson(sparse.Id)},{FullJson(full.Id)}]");
        await Open311Assert.Body(await app.Client.GetOpen311Async("requests.xml" + query), HttpStatusCode.OK, Open311Assert.Xml,
            XmlList(SparseXml(sparse.Id), FullXml(full.Id)));
    }

    [Fact]
    public async Task A_list_with_one_request_is_still_a_json_array()
    {
        var row = await InsertFullAsync();
        await Open311Assert.Body(await app.Client.GetOpen311Async($"requests.json?service_request_id={row.Id}"), HttpStatusCode.OK, Open311Assert.Json,
            $"[{FullJson(row.Id)}]");
    }

    [Fact]
    public async Task A_list_with_no_requests_is_an_empty_json_array_and_an_empty_xml_list()
    {
        var query = "?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z";
        await Open311Assert.Body(await app.Client.GetOpen311Async("requests.json" + query), HttpStatusCode.OK, Open311Assert.Json, "[]");
        await Open311Assert.Body(await app.Client.GetOpen311Async("requests.xml" + query), HttpStatusCode.OK, Open311Assert.Xml,
            Open311Assert.XmlDeclaration + "\n<service_requests />");
    }

    [Fact]
    public async Task A_posted_request_reads_back_with_its_fields_and_berlin_times()
    {
        var post = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey,
            ("description", "Loch am Bordstein"), ("address_string", "Lindenallee 3"), ("media_url", "https://example.org/loch.jpg")));
        var id = (string)(await Open311Assert.JsonAnswer(post))[0]!["service_request_id"]!;
        var row = await Rows.FindAsync(app, long.Parse(id, CultureInfo.InvariantCulture));
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var requested = TimeZoneInfo.ConvertTime(row.RequestedAt, berlin).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        var response = await app.Client.GetOpen311Async($"requests/{id}.json");
        await Open311Assert.Body(response, HttpStatusCode.OK, Open311Assert.Json,
            $$"""[{"service_request_id":"{{id}}","status":"open","status_notes":null,"service_name":"Schlagloch","service_code":"SCHLAGLOCH","description":"Loch am Bordstein","agency_responsible":null,"service_notice":"Wir prüfen Ihre Meldung binnen drei Werktagen.","requested_datetime":"{{requested}}","updated_datetime":"{{requested}}","expected_datetime":null,"address":"Lindenallee 3","address_id":null,"zipcode":null,"lat":52.52,"long":13.405,"media_url":"https://example.org/loch.jpg"}]""");

        // It is listed by default too: it is within the last 90 days.
        var list = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json"));
        Assert.Contains(id, list.Select(r => (string)r["service_request_id"]!));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task An_unknown_request_id_answers_404(string format)
    {
        var response = await app.Client.GetOpen311Async($"requests/987654321.{format}");
        if (format == "json")
            await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown service_request_id '987654321'."));
        else
            await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Xml, Open311Assert.XmlError(404, "Unknown service_request_id '987654321'."));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    public async Task A_request_id_that_is_no_id_answers_404(string id)
    {
        var response = await app.Client.GetOpen311Async($"requests/{id}.json");
        await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, $"Unknown service_request_id '{id}'."));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task An_unknown_token_answers_404(string format)
    {
        var response = await app.Client.GetOpen311Async($"tokens/NichtVorhanden123.{format}");
        if (format == "json")
            await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown token 'NichtVorhanden123'."));
        else
            await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Xml, Open311Assert.XmlError(404, "Unknown token 'NichtVorhanden123'."));
    }
}
