using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Boundaries;

/// <summary><c>services?lat&amp;long</c>: the services a report at that point could use.</summary>
public sealed class ServicesAtPointTests(BoundedJurisdictionsApp app) : IClassFixture<BoundedJurisdictionsApp>
{
    private async Task<List<string>> CodesAsync(string query) =>
        (await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("services.json?" + query))).Select(s => (string)s["service_code"]!).ToList();

    [Fact]
    public async Task A_point_lists_the_services_of_the_jurisdiction_whose_boundary_contains_it()
    {
        Assert.Equal(["SCHLAGLOCH", "WILDER_MUELL", "HINWEIS", "Grün & Park/Bank"], await CodesAsync("lat=52.52&long=13.405"));
        var neighbour = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("services.json?lat=52.5&long=13.6"));
        Assert.Equal("Schlagloch (Nachbarort)", (string)Assert.Single(neighbour)["service_name"]!);
        // On the shared border: the jurisdiction a report there would go to.
        Assert.Equal(["SCHLAGLOCH"], await CodesAsync("lat=52.5&long=13.5"));
        Assert.Empty(await CodesAsync("lat=48.1&long=11.5"));
    }

    [Fact]
    public async Task With_jurisdiction_id_its_services_only_if_the_point_is_inside_and_always_for_one_without_boundary()
    {
        Assert.Equal(4, (await CodesAsync("jurisdiction_id=teststadt.de&lat=52.52&long=13.405")).Count);
        Assert.Empty(await CodesAsync("jurisdiction_id=teststadt.de&lat=52.5&long=13.6"));
        Assert.Equal(["LAMPE"], await CodesAsync($"jurisdiction_id={TestBoundaries.Unbounded}&lat=48.1&long=11.5"));
        await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("services.json?jurisdiction_id=gibtsnicht.de&lat=52.5&long=13.6"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_in_xml() =>
        Assert.Equal(["SCHLAGLOCH"], (await Open311Assert.XmlAnswer(await app.Client.GetOpen311Async("services.xml?lat=52.5&long=13.6")))
            .Root!.Elements("service").Select(s => s.Element("service_code")!.Value));

    [Theory]
    [InlineData("lat=52.5", "lat and long go together: send both or neither.")]
    [InlineData("lat=91&long=13.4", "lat 91 is out of range (-90 to 90).")]
    [InlineData("lat=52.5&long=dreizehn", "long 'dreizehn' is not a WGS84 coordinate in decimal degrees.")]
    [InlineData("lat=52.5&lat=52.6&long=13.4", "lat was given 2 different values; send it once.")]
    public async Task Bad_coordinates_answer_400(string query, string message) =>
        Assert.Equal([message], await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("services.json?" + query), HttpStatusCode.BadRequest));

    [Fact]
    public async Task Without_a_point_nothing_changed() =>
        Assert.StartsWith("jurisdiction_id is required: this endpoint serves",
            Assert.Single(await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("services.json"), HttpStatusCode.BadRequest)));
}
