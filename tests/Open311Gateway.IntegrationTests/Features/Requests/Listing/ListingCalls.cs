using System.Globalization;
using System.Net;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>GET requests calls of the listing tests: the ids an answer lists, in order, or its error descriptions.</summary>
public static class ListingCalls
{
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static string W3c(DateTimeOffset instant) =>
        Uri.EscapeDataString(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public static async Task<List<string>> IdsAsync(this GatewayApp app, string query)
    {
        var json = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json" + query));
        return Assert.IsType<JArray>(json).Select(r => (string)r["service_request_id"]!).ToList();
    }

    public static async Task<List<string>> BadRequestAsync(this GatewayApp app, string query) =>
        await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("requests.json" + query), HttpStatusCode.BadRequest);
}
