using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd.Redmine;

/// <summary>
/// The test's own way into Redmine, as an administrator (a clerk, for what the tests do): straight to Redmine's REST
/// API, never through the forwarder the worker talks through.
/// </summary>
public sealed class RedmineAdmin(RedmineInstance redmine) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(redmine.Url + "/"),
        DefaultRequestHeaders = { { "X-Redmine-API-Key", redmine.AdminApiKey } },
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A private project of its own (our reports carry personal data), with every tracker.</summary>
    public async Task CreateProjectAsync(string identifier)
    {
        var response = await _http.PostAsync("projects.json", Json(new
        {
            project = new
            {
                name = "Open311 Test " + identifier, identifier, is_public = false,
                tracker_ids = new[] { redmine.TrackerId }, enabled_module_names = new[] { "issue_tracking" },
            },
        }));
        await EnsureAsync(response, HttpStatusCode.Created, "create project " + identifier);
    }

    public async Task DeleteProjectAsync(string identifier)
    {
        using var response = await _http.DeleteAsync($"projects/{identifier}.json");
        // Deleting is tidying up: a run that cannot delete (Redmine gone) leaves the project behind, nothing worse.
        _ = response.StatusCode;
    }

    /// <summary>Issues of the project that hold our id, closed ones included.</summary>
    public async Task<List<JsonNode>> IssuesWithOurIdAsync(string project, string ourId)
    {
        var field = "cf_" + redmine.OurIdField.ToString(CultureInfo.InvariantCulture);
        var query = $"issues.json?project_id={project}&f%5B%5D=status_id&op%5Bstatus_id%5D=*&f%5B%5D={field}&op%5B{field}%5D=%3D" +
            $"&v%5B{field}%5D%5B%5D={Uri.EscapeDataString(ourId)}&limit=100";
        var issues = (await GetAsync(query))["issues"]!.AsArray().Select(i => i!).ToList();
        return issues.Where(i => CustomField(i, redmine.OurIdField) == ourId).ToList();
    }

    public async Task<int> IssueCountAsync(string project) =>
        (int)(await GetAsync($"issues.json?project_id={project}&status_id=*&limit=1"))["total_count"]!;

    public async Task<JsonNode> IssueAsync(int id) => (await GetAsync($"issues/{id}.json?include=journals"))["issue"]!;

    /// <summary>What a clerk does: a new status, a note (public or private), or both.</summary>
    public async Task UpdateIssueAsync(int id, int? statusId = null, string? notes = null, bool privateNotes = false)
    {
        var issue = new JsonObject();
        if (statusId is { } status) issue["status_id"] = status;
        if (notes is not null) issue["notes"] = notes;
        if (privateNotes) issue["private_notes"] = true;
        var response = await _http.PutAsync($"issues/{id}.json", Json(new JsonObject { ["issue"] = issue }));
        await EnsureAsync(response, HttpStatusCode.NoContent, $"update issue #{id}");
    }

    // With a length: thin does not read chunked request bodies, which PostAsJsonAsync would send.
    private static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    public static string? CustomField(JsonNode issue, int id) =>
        issue["custom_fields"]?.AsArray().FirstOrDefault(f => (int)f!["id"]! == id)?["value"]?.GetValue<string>();

    private async Task<JsonNode> GetAsync(string url)
    {
        var response = await _http.GetAsync(url);
        await EnsureAsync(response, HttpStatusCode.OK, "GET " + url);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"Redmine: {what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();
}
