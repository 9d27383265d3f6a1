using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.BackOffice;

/// <summary>Reports, back-office keys and status updates for tests of the update flows.</summary>
public static class BackOfficeHelpers
{
    public static readonly TimeZoneInfo Berlin = Open311Time.Zone("Europe/Berlin");

    /// <summary>Now, to the second, so that times round-trip through W3C text unchanged.</summary>
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>How the API writes an instant for the test catalogue's jurisdictions.</summary>
    public static string W3c(DateTimeOffset instant) => Open311Time.Format(instant, Berlin);

    public static async Task<string> CreateBackOfficeKeyAsync(this GatewayApp app, string jurisdictionId = TestCatalog.Jurisdiction)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (_, key) = await scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>().CreateAsync(jurisdictionId, "Bauhof", CancellationToken.None);
        return key;
    }

    /// <summary>Files a pothole report through the public API and returns its id.</summary>
    public static async Task<string> PostReportAsync(this GatewayApp app)
    {
        var post = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("description", "Loch vor Hausnummer 12")));
        Assert.True(post.StatusCode == HttpStatusCode.OK, await post.Content.ReadAsStringAsync());
        return (string)(await post.JsonAsync())[0]!["service_request_id"]!;
    }

    /// <summary>Files a pothole report in Teststadt on a gateway that serves several jurisdictions.</summary>
    public static async Task<string> PostReportInTeststadtAsync(this GatewayApp app)
    {
        var post = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("jurisdiction_id", TestCatalog.Jurisdiction)));
        Assert.True(post.StatusCode == HttpStatusCode.OK, await post.Content.ReadAsStringAsync());
        return (string)(await post.JsonAsync())[0]!["service_request_id"]!;
    }

    /// <summary>Files a report and dates it back, so that updates from the last hours are newer than it.</summary>
    public static async Task<string> PostReportFiledDaysAgoAsync(this GatewayApp app, int days = 2)
    {
        var id = await app.PostReportAsync();
        var filed = Now().AddDays(-days);
        var rowId = long.Parse(id, CultureInfo.InvariantCulture);
        await using var db = app.Database.CreateDbContext();
        await db.ServiceRequests.Where(r => r.Id == rowId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.RequestedAt, filed).SetProperty(r => r.UpdatedAt, filed));
        return id;
    }

    public static Task<HttpResponseMessage> PostBackOfficeUpdateAsync(this GatewayApp app, string? key, string requestId, object body) =>
        app.PostBackOfficeJsonAsync(key, requestId, JsonConvert.SerializeObject(body));

    public static Task<HttpResponseMessage> PostBackOfficeJsonAsync(this GatewayApp app, string? key, string requestId, string json, string contentType = "application/json") =>
        app.PostBackOfficeAsync(key, requestId, new StringContent(json, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PostBackOfficeAsync(this GatewayApp app, string? key, string requestId, HttpContent content)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/backoffice/v1/requests/{requestId}/updates") { Content = content };
        if (key is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return app.Client.SendAsync(message);
    }

    /// <summary>Releases or hides a report through the back-office API (<paramref name="action"/>: release, hide).</summary>
    public static Task<HttpResponseMessage> PostModerationAsync(this GatewayApp app, string? key, string requestId, string action)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/backoffice/v1/requests/{requestId}/{action}");
        if (key is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return app.Client.SendAsync(message);
    }

    public static async Task<List<RequestUpdate>> UpdatesOfAsync(this GatewayApp app, string requestId)
    {
        var rowId = long.Parse(requestId, CultureInfo.InvariantCulture);
        await using var db = app.Database.CreateDbContext();
        return await db.RequestUpdates.AsNoTracking().Where(u => u.ServiceRequestId == rowId)
            .OrderBy(u => u.Id).ToListAsync();
    }

    public static async Task<ServiceRequest> RequestRowAsync(this GatewayApp app, string requestId)
    {
        var rowId = long.Parse(requestId, CultureInfo.InvariantCulture);
        await using var db = app.Database.CreateDbContext();
        return await db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == rowId);
    }

    /// <summary>The body as JSON with dates left as the text the API wrote (JToken.Parse would turn them into local times).</summary>
    public static void AssertSameJson(JToken expected, JToken actual) =>
        Assert.True(JToken.DeepEquals(expected, actual), $"Expected {expected.ToString(Formatting.None)}, got {actual.ToString(Formatting.None)}");

    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected) =>
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
