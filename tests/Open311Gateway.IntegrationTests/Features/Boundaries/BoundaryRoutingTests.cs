using System.Globalization;
using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Boundaries;

/// <summary>POST requests without jurisdiction_id on a gateway of several: the point chooses, by the boundaries in PostGIS.</summary>
public sealed class BoundaryRoutingTests(BoundedJurisdictionsApp app) : IClassFixture<BoundedJurisdictionsApp>
{
    private const string Served = "nachbarort.de, ohnegrenze.de, teststadt.de";

    private Task<HttpResponseMessage> PostAsync(params (string, string)[] fields) => app.Client.PostFormAsync("requests.json", fields);

    private (string, string)[] Report(string lat, string lon, params (string, string)[] extra) =>
        [("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("lat", lat), ("long", lon), .. extra];

    private async Task<string> JurisdictionOfAsync(HttpResponseMessage response)
    {
        var id = (string)(await Open311Assert.JsonAnswer(response))[0]!["service_request_id"]!;
        return (await Rows.FindAsync(app, long.Parse(id, CultureInfo.InvariantCulture))).JurisdictionId;
    }

    [Fact]
    public async Task A_point_goes_to_the_jurisdiction_whose_boundary_contains_it()
    {
        Assert.Equal("teststadt.de", await JurisdictionOfAsync(await PostAsync(Report("52.5200", "13.4050", ("attribute[GROESSE]", "klein")))));
        Assert.Equal("nachbarort.de", await JurisdictionOfAsync(await PostAsync(Report("52.5", "13.6"))));
    }

    [Fact]
    public async Task A_point_on_the_shared_border_goes_to_the_first_of_the_two_by_id() =>
        Assert.Equal("nachbarort.de", await JurisdictionOfAsync(await PostAsync(Report("52.5", "13.5"))));

    [Fact]
    public async Task A_point_in_no_boundary_an_address_alone_or_unreadable_coordinates_answer_400_and_write_nothing()
    {
        var before = await Rows.CountAsync(app);

        Assert.Equal([$"lat 48.1, long 11.5 lies inside none of the boundaries of nachbarort.de, teststadt.de: send jurisdiction_id to choose one of {Served}."],
            await Open311Assert.JsonErrors(await PostAsync(Report("48.1", "11.5")), HttpStatusCode.BadRequest));
        Assert.Equal([$"jurisdiction_id is required: this endpoint serves {Served}. Without it a report goes to the jurisdiction whose boundary "
            + "contains its lat and long; an address alone is not looked up."],
            await Open311Assert.JsonErrors(await PostAsync(("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("address_string", "Marktplatz 1")),
                HttpStatusCode.BadRequest));
        var unreadable = await Open311Assert.JsonErrors(await PostAsync(Report("zweiundfünfzig", "13.4")), HttpStatusCode.BadRequest);
        Assert.Equal(2, unreadable.Count);
        Assert.StartsWith("lat 'zweiundfünfzig' is not a WGS84 coordinate", unreadable[0]);
        Assert.StartsWith("jurisdiction_id is required", unreadable[1]);

        var xml = await Open311Assert.XmlErrors(await app.Client.PostFormAsync("requests.xml", Report("48.1", "11.5")), HttpStatusCode.BadRequest);
        Assert.StartsWith("lat 48.1, long 11.5 lies inside none", Assert.Single(xml));
        Assert.Equal(before, await Rows.CountAsync(app));
    }

    [Fact]
    public async Task The_key_is_still_checked_before_the_point()
    {
        var errors = await Open311Assert.JsonErrors(
            await PostAsync(("api_key", "falsch"), ("service_code", "SCHLAGLOCH"), ("lat", "48.1"), ("long", "11.5")), HttpStatusCode.Forbidden);
        Assert.Equal(["A valid api_key is required to submit a request."], errors);
    }

    [Fact]
    public async Task A_point_outside_the_named_jurisdictions_boundary_answers_400_together_with_the_other_problems()
    {
        var before = await Rows.CountAsync(app);
        var errors = await Open311Assert.JsonErrors(await PostAsync(Report("52.5", "13.6", ("jurisdiction_id", "teststadt.de"))), HttpStatusCode.BadRequest);
        Assert.Equal(["lat 52.5, long 13.6 lies outside the boundary of teststadt.de.",
            "attribute[GROESSE] is required: Wie groß ist das Schlagloch?"], errors);
        Assert.Equal(before, await Rows.CountAsync(app));

        // Inside, and on its border, it is taken.
        Assert.Equal("teststadt.de", await JurisdictionOfAsync(await PostAsync(Report("52.5", "13.5", ("jurisdiction_id", "teststadt.de"), ("attribute[GROESSE]", "klein")))));
    }

    [Fact]
    public async Task A_jurisdiction_without_a_boundary_takes_any_point_but_only_when_named()
    {
        (string, string)[] lamp = [("api_key", app.ApiKey), ("service_code", "LAMPE"), ("lat", "48.1"), ("long", "11.5")];
        Assert.Equal(TestBoundaries.Unbounded, await JurisdictionOfAsync(await PostAsync([.. lamp, ("jurisdiction_id", TestBoundaries.Unbounded)])));
        Assert.StartsWith("lat 48.1, long 11.5 lies inside none", Assert.Single(await Open311Assert.JsonErrors(await PostAsync(lamp), HttpStatusCode.BadRequest)));
        // Named, an address alone is fine too: there is nothing to check it against.
        Assert.Equal(TestBoundaries.Unbounded, await JurisdictionOfAsync(await PostAsync(
            ("api_key", app.ApiKey), ("service_code", "LAMPE"), ("address_string", "Dorfplatz 1"), ("jurisdiction_id", TestBoundaries.Unbounded))));
    }
}
