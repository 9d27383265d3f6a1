using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.BackOffice.BackOfficeHelpers;

namespace Open311Gateway.IntegrationTests.Updates;

/// <summary><c>GET servicerequestupdates</c>: the public history of back offices' status updates.</summary>
public sealed class ServiceRequestUpdatesListTests(GatewayApp app) : IClassFixture<GatewayApp>, IAsyncLifetime
{
    private string _key = "";

    public async Task InitializeAsync() => _key = await app.CreateBackOfficeKeyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Updates_are_listed_oldest_first()
    {
        var id = await app.PostReportFiledDaysAgoAsync(days: 20);
        foreach (var (updateId, daysAgo) in new[] { ("C", 1), ("A", 10), ("B", 5) })
            await (await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = updateId, status = "IN_PROGRESS", status_notes = updateId, updated_datetime = W3c(Now().AddDays(-daysAgo)) }))
                .AssertStatusAsync(HttpStatusCode.OK);

        var list = await (await app.Client.GetOpen311Async("servicerequestupdates.json")).JsonAsync();

        Assert.Equal(["A", "B", "C"], list.Where(u => (string)u["service_request_id"]! == id).Select(u => (string)u["description"]!));
        var times = list.Select(u => DateTimeOffset.Parse((string)u["updated_datetime"]!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task Only_updates_inside_start_date_and_end_date_are_listed()
    {
        var id = await app.PostReportFiledDaysAgoAsync(days: 60);
        var at = Now().AddDays(-40);
        var posted = await (await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = "FENSTER", status = "FIXED", updated_datetime = W3c(at) })).JsonAsync();
        var ourId = (string)posted["update_id"]!;

        var inside = await ListAsync($"start_date={Query(at.AddDays(-1))}&end_date={Query(at.AddDays(1))}");
        var before = await ListAsync($"end_date={Query(at.AddDays(-1))}");
        var after = await ListAsync($"start_date={Query(at.AddSeconds(1))}");
        var lastNinetyDays = await ListAsync("");

        Assert.Contains(ourId, inside);
        Assert.DoesNotContain(ourId, before);
        Assert.DoesNotContain(ourId, after);
        Assert.Contains(ourId, lastNinetyDays);
    }

    [Theory]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "start_date and end_date may be at most 90 days apart.")]
    [InlineData("start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "end_date is before start_date.")]
    [InlineData("start_date=letzte-woche", "start_date 'letzte-woche' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.")]
    public async Task A_bad_window_answers_400(string query, string expected)
    {
        var response = await app.Client.GetOpen311Async("servicerequestupdates.xml?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.XmlAsync()).Root!.Elements("error"));
        Assert.Equal(("400", expected), ((string?)error.Element("code"), (string?)error.Element("description")));
    }

    [Fact]
    public async Task A_window_written_with_a_local_offset_is_read_for_requests_as_well()
    {
        // Both lists share the window; an offset other than Z once made the database refuse the query.
        var id = await app.PostReportAsync();
        var window = $"start_date={Query(Now().AddDays(-1))}&end_date={Query(Now().AddMinutes(1))}";

        var requests = await app.Client.GetOpen311Async("requests.json?" + window);

        await requests.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains(await requests.JsonAsync(), r => (string)r["service_request_id"]! == id);
    }

    [Fact]
    public async Task An_unknown_jurisdiction_answers_404()
    {
        var response = await app.Client.GetOpen311Async("servicerequestupdates.json?jurisdiction_id=nirgendwo.de");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Updates_of_blackbox_reports_are_not_listed_since_those_reports_are_not_public()
    {
        var post = await app.Client.PostFormAsync("requests.json", ("api_key", app.ApiKey), ("service_code", "HINWEIS"), ("address_string", "Marktplatz 1"));
        await post.AssertStatusAsync(HttpStatusCode.OK);
        await using var db = app.Database.CreateDbContext();
        var id = (await db.ServiceRequests.Where(r => r.Service!.Code == "HINWEIS").OrderByDescending(r => r.Id).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture);
        var posted = await (await app.PostBackOfficeUpdateAsync(_key, id, new { update_id = "BLACKBOX", status = "CLOSED" })).JsonAsync();

        Assert.DoesNotContain((string)posted["update_id"]!, await ListAsync(""));
    }

    [Fact]
    public async Task An_empty_history_is_an_empty_list_in_both_formats()
    {
        var json = await app.Client.GetOpen311Async("servicerequestupdates.json?start_date=2020-01-01T00:00:00Z");
        var xml = await app.Client.GetOpen311Async("servicerequestupdates.xml?start_date=2020-01-01T00:00:00Z");

        Assert.Equal("[]", await json.Content.ReadAsStringAsync());
        var root = (await xml.XmlAsync()).Root!;
        Assert.Equal("service_request_updates", root.Name.LocalName);
        Assert.Empty(root.Elements());
    }

    private async Task<List<string>> ListAsync(string query)
    {
        var response = await app.Client.GetOpen311Async("servicerequestupdates.json?" + query);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return (await response.JsonAsync()).Select(u => (string)u["update_id"]!).ToList();
    }

    private static string Query(DateTimeOffset instant) => Uri.EscapeDataString(W3c(instant));
}
