using System.Globalization;
using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>One gateway, two municipalities: jurisdiction_id is required and each sees only its own.</summary>
public sealed class TwoJurisdictionsTests(TwoJurisdictionsApp app) : IClassFixture<TwoJurisdictionsApp>
{
    private const string Required = "jurisdiction_id is required: this endpoint serves nachbarort.de, teststadt.de.";

    [Theory]
    [InlineData("services.json")]
    [InlineData("services.json?jurisdiction_id=")]
    [InlineData("services/SCHLAGLOCH.json")]
    [InlineData("requests.json")]
    [InlineData("requests.json?jurisdiction_id=%20")]
    public async Task A_missing_jurisdiction_id_answers_400(string path) =>
        await Open311Assert.Body(await app.Client.GetOpen311Async(path), HttpStatusCode.BadRequest, Open311Assert.Json, Open311Assert.JsonError(400, Required));

    [Fact]
    public async Task A_missing_jurisdiction_id_answers_400_in_xml() =>
        await Open311Assert.Body(await app.Client.GetOpen311Async("services.xml"), HttpStatusCode.BadRequest, Open311Assert.Xml, Open311Assert.XmlError(400, Required));

    [Theory]
    [InlineData("services.json?jurisdiction_id=gibtsnicht.de")]
    [InlineData("services/SCHLAGLOCH.json?jurisdiction_id=gibtsnicht.de")]
    [InlineData("requests.json?jurisdiction_id=gibtsnicht.de")]
    [InlineData("requests/1.json?jurisdiction_id=gibtsnicht.de")]
    public async Task An_unknown_jurisdiction_id_answers_404(string path) =>
        await Open311Assert.Body(await app.Client.GetOpen311Async(path), HttpStatusCode.NotFound, Open311Assert.Json,
            Open311Assert.JsonError(404, "Unknown jurisdiction_id 'gibtsnicht.de'."));

    [Fact]
    public async Task A_post_without_jurisdiction_id_answers_400_and_with_an_unknown_one_404()
    {
        var before = await Rows.CountAsync(app);
        await Open311Assert.Body(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey)),
            HttpStatusCode.BadRequest, Open311Assert.Json, Open311Assert.JsonError(400, Required));
        await Open311Assert.Body(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", ""))),
            HttpStatusCode.BadRequest, Open311Assert.Json, Open311Assert.JsonError(400, Required));
        await Open311Assert.Body(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", "gibtsnicht.de"))),
            HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown jurisdiction_id 'gibtsnicht.de'."));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Fact]
    public async Task Each_jurisdiction_lists_only_its_own_services()
    {
        await Open311Assert.Body(await app.Client.GetOpen311Async("services.json?jurisdiction_id=nachbarort.de"), HttpStatusCode.OK, Open311Assert.Json,
            """[{"service_code":"SCHLAGLOCH","service_name":"Schlagloch (Nachbarort)","description":null,"metadata":false,"type":"realtime","keywords":null,"group":null}]""");
        var teststadt = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("services.json?jurisdiction_id=teststadt.de"));
        Assert.Equal(["SCHLAGLOCH", "WILDER_MUELL", "HINWEIS", "Grün & Park/Bank"], teststadt.Select(s => (string)s["service_code"]!));
        await Open311Assert.Body(await app.Client.GetOpen311Async("services/SCHLAGLOCH.json?jurisdiction_id=nachbarort.de"), HttpStatusCode.OK, Open311Assert.Json,
            """{"service_code":"SCHLAGLOCH","attributes":[]}""");
        await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("services/WILDER_MUELL.json?jurisdiction_id=nachbarort.de"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_jurisdiction_sees_only_its_own_requests()
    {
        // The same service code in both places: the neighbour's SCHLAGLOCH has no required attribute.
        var neighbour = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("jurisdiction_id", "nachbarort.de"), ("service_code", "SCHLAGLOCH"), ("address_string", "Dorfstraße 1")));
        var neighbourId = (string)neighbour[0]!["service_request_id"]!;
        var ours = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json",
            HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", "teststadt.de"))));
        var ourId = (string)ours[0]!["service_request_id"]!;

        var neighbourRow = await Rows.FindAsync(app, long.Parse(neighbourId, CultureInfo.InvariantCulture));
        Assert.Equal(TestCatalog.SecondJurisdiction, neighbourRow.JurisdictionId);

        var neighbourList = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?jurisdiction_id=nachbarort.de"));
        Assert.Equal([neighbourId], neighbourList.Select(r => (string)r["service_request_id"]!));
        Assert.Equal("Schlagloch (Nachbarort)", (string)neighbourList[0]!["service_name"]!);
        var ourList = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?jurisdiction_id=teststadt.de"));
        Assert.Equal([ourId], ourList.Select(r => (string)r["service_request_id"]!));

        // Even an explicit id list stays within the jurisdiction asked for.
        var byIds = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests.json?jurisdiction_id=teststadt.de&service_request_id={neighbourId},{ourId}"));
        Assert.Equal([ourId], byIds.Select(r => (string)r["service_request_id"]!));

        // A single request: by its id alone, or with its own jurisdiction, but not with the other one.
        await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{neighbourId}.json"));
        await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{neighbourId}.json?jurisdiction_id=nachbarort.de"));
        await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{neighbourId}.json?jurisdiction_id=NachbarOrt.de"));
        await Open311Assert.Body(await app.Client.GetOpen311Async($"requests/{neighbourId}.json?jurisdiction_id=teststadt.de"),
            HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, $"Unknown service_request_id '{neighbourId}'."));
    }

    [Fact]
    public async Task A_service_code_of_the_other_jurisdiction_is_unknown_here()
    {
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("jurisdiction_id", "nachbarort.de"), ("service_code", "WILDER_MUELL"), ("address_string", "Dorfstraße 2"));
        await Open311Assert.Body(response, HttpStatusCode.NotFound, Open311Assert.Json, Open311Assert.JsonError(404, "Unknown service_code 'WILDER_MUELL'."));
        Assert.Equal(before, await Rows.CountAsync(app));
        await Open311Assert.Body(await app.Client.GetOpen311Async("requests.json?jurisdiction_id=nachbarort.de&service_code=WILDER_MUELL"),
            HttpStatusCode.BadRequest, Open311Assert.Json, Open311Assert.JsonError(400, "Unknown service_code 'WILDER_MUELL'."));
    }
}
