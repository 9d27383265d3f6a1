using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Boundaries;

/// <summary>A one-jurisdiction gateway accepts what it did before, except a point outside its own boundary.</summary>
public sealed class SingleBoundedJurisdictionTests(SingleBoundedJurisdictionApp app) : IClassFixture<SingleBoundedJurisdictionApp>
{
    [Fact]
    public async Task Inside_or_address_only_is_accepted_without_jurisdiction_id()
    {
        await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey)));
        await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_string", "Marktplatz 1")));
    }

    [Fact]
    public async Task A_point_outside_its_boundary_answers_400_and_writes_nothing()
    {
        var before = await Rows.CountAsync(app);
        var response = await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("lat", "50.0"), ("long", "8.0"), ("attribute[GROESSE]", "klein"));
        Assert.Equal(["lat 50, long 8 lies outside the boundary of teststadt.de."], await Open311Assert.JsonErrors(response, HttpStatusCode.BadRequest));
        Assert.Equal(before, await Rows.CountAsync(app));
    }
}
