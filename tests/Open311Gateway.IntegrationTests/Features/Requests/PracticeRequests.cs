using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests;

/// <summary>Posting reports at chosen points and changing their rows, for the duplicate, privacy and moderation tests.</summary>
public static class PracticeRequests
{
    /// <summary>Posts a report of <paramref name="serviceCode"/> at (lat, long) and returns the first answer item.</summary>
    public static async Task<JObject> PostAtAsync(this GatewayApp app, string serviceCode, double lat, double lon, params (string, string)[] extra)
    {
        var response = await app.Client.PostFormAsync("requests.json",
        [
            ("api_key", app.ApiKey), ("service_code", serviceCode),
            ("lat", lat.ToString("R", CultureInfo.InvariantCulture)), ("long", lon.ToString("R", CultureInfo.InvariantCulture)), .. extra,
        ]);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST answered {(int)response.StatusCode}: {body}");
        return (JObject)((JArray)await response.JsonAsync())[0];
    }

    public static async Task<string> PostIdAtAsync(this GatewayApp app, string serviceCode, double lat, double lon) =>
        (string)(await app.PostAtAsync(serviceCode, lat, lon))["service_request_id"]!;

    /// <summary>Changes one stored report, for states a POST cannot make (closed, old, held).</summary>
    public static async Task ChangeRowAsync(this GatewayApp app, string id, Action<ServiceRequest> change)
    {
        var rowId = long.Parse(id, CultureInfo.InvariantCulture);
        await using var db = app.Database.CreateDbContext();
        var row = await db.ServiceRequests.SingleAsync(r => r.Id == rowId);
        change(row);
        await db.SaveChangesAsync();
    }

    /// <summary>The ids that a public GET list shows.</summary>
    public static async Task<List<string>> ListedIdsAsync(this GatewayApp app, string pathAndQuery)
    {
        var response = await app.Client.GetOpen311Async(pathAndQuery);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return ((JArray)await response.JsonAsync()).Select(r => (string)r["service_request_id"]!).ToList();
    }
}
