using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts.Adapters;
using PuppeteerSharp;

namespace Open311Gateway.IntegrationTests.Operator;

/// <summary>
/// The status page as an operator sees it, in headless Chromium under the page's own Content-Security-Policy: signed in
/// through the form, every number read from the rendered page and compared with what the database holds.
/// </summary>
public sealed class StatusPageInChromiumTests(OperatorPageApp app) : IClassFixture<OperatorPageApp>
{
    [Fact]
    public async Task Signed_in_through_the_form_the_page_shows_the_databases_numbers()
    {
        var rejections = app.RecordRejections();
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, e) => { if (e.Message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(e.Message.Text); };

        await SignInAsync(page, app.AdminKey);
        await page.ScreenshotAsync(HeadlessChromium.EvidencePath("operator-status-page.png"), new ScreenshotOptions { FullPage = true });

        var expected = await ExpectedAsync();
        Assert.Equal(expected.Deliveries, await ReadAsync<Dictionary<string, Dictionary<string, string>>>(page, """
            Object.fromEntries([...document.querySelectorAll('table[data-table=deliveries] tr[data-jurisdiction]')].map(tr =>
              [tr.dataset.jurisdiction + '/' + tr.dataset.adapter,
               Object.fromEntries([...tr.querySelectorAll('td[data-state]')].map(td => [td.dataset.state, td.textContent]))]))
            """));
        Assert.Equal(expected.Metrics, await ReadAsync<Dictionary<string, string>>(page,
            "Object.fromEntries([...document.querySelectorAll('[data-metric]')].filter(e => e.dataset.metric != 'outbox-oldest').map(e => [e.dataset.metric, e.textContent]))"));
        Assert.Equal(expected.Hours, await ReadAsync<Dictionary<string, string>>(page,
            "Object.fromEntries([...document.querySelectorAll('svg[data-chart] rect[data-series]')].map(r => [r.dataset.series + ' ' + r.dataset.hour, r.querySelector('title').textContent]))"));
        Assert.Equal(expected.Failures, await ReadAsync<string[]>(page,
            "[...document.querySelectorAll('table[data-table=failures] tr[data-delivery]')].map(tr => tr.dataset.delivery + ' ' + tr.querySelector('td.reason').textContent)"));
        Assert.Equal(expected.RetryQueue, await ReadAsync<string[]>(page,
            "[...document.querySelectorAll('table[data-table=retry-queue] tr[data-delivery]')].map(tr => tr.dataset.delivery)"));
        Assert.Equal(expected.Outbox, await ReadAsync<Dictionary<string, string>>(page,
            "Object.fromEntries([...document.querySelectorAll('table[data-table=outbox] tr[data-jurisdiction]')].map(tr => [tr.dataset.jurisdiction, tr.querySelector('[data-count=waiting]').textContent + ' waiting, ' + tr.querySelector('[data-count=parked]').textContent + ' parked']))"));
        Assert.Equal(rejections.Select(r => $"{r.Policy} {r.Partition}"), await ReadAsync<string[]>(page,
            "[...document.querySelectorAll('table[data-table=rate-limits] tbody tr')].map(tr => tr.cells[1].textContent + ' ' + tr.cells[2].textContent)"));
        // The bars are drawn to scale: each one's height is its value over the tallest.
        var bars = await ReadAsync<double[][]>(page,
            "[...document.querySelectorAll('svg[data-chart] rect[data-series]')].map(r => [+r.dataset.value, +r.getAttribute('height')])");
        var (maxValue, maxHeight) = (bars.Max(b => b[0]), bars.Max(b => b[1]));
        Assert.All(bars, b => Assert.Equal(b[0] / maxValue, b[1] / maxHeight, 2));
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_wrong_key_gets_the_form_again_and_the_session_cookie_is_httponly_strict_and_not_the_key()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();

        await SignInAsync(page, app.AdminKey[..^2] + "xx");
        Assert.Equal("That is no active admin key.", await ReadAsync<string>(page, "document.querySelector('p.message').textContent"));
        Assert.DoesNotContain(await page.GetCookiesAsync(), c => c.Name == "open311_operator");

        await SignInAsync(page, app.AdminKey);
        var session = Assert.Single(await page.GetCookiesAsync(), c => c.Name == "open311_operator");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSite.Strict, session.SameSite);
        Assert.DoesNotContain(app.AdminKey.Split('_')[2], session.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(app.AdminKey, page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await ReadAsync<int>(page, "document.cookie.length"));

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("header form button[type=submit]"));
        Assert.NotNull(await page.QuerySelectorAsync("#admin_key"));
        Assert.DoesNotContain(await page.GetCookiesAsync(), c => c.Name == "open311_operator");
    }

    private async Task SignInAsync(IPage page, string key)
    {
        await page.GoToAsync(new Uri(app.BaseAddress, "/operator/").ToString());
        await page.TypeAsync("#admin_key", key);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form.login button[type=submit]"));
    }

    private static Task<T> ReadAsync<T>(IPage page, string expression) => page.EvaluateExpressionAsync<T>(expression);

    private sealed record Expected(
        Dictionary<string, Dictionary<string, string>> Deliveries, Dictionary<string, string> Metrics, Dictionary<string, string> Hours,
        string[] Failures, string[] RetryQueue, Dictionary<string, string> Outbox);

    /// <summary>The same numbers, counted here from the rows themselves (not through the page's queries).</summary>
    private async Task<Expected> ExpectedAsync()
    {
        await using var db = app.Database.CreateDbContext();
        var deliveries = await db.Deliveries.AsNoTracking().ToListAsync();
        var reports = await db.ServiceRequests.AsNoTracking().Select(r => r.RequestedAt).ToListAsync();
        var outbox = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null).ToListAsync();
        string[] states = [DeliveryStates.InFlight, DeliveryStates.RetryWait, DeliveryStates.Delivered, DeliveryStates.Rejected, DeliveryStates.Failed];

        var byRoute = deliveries.GroupBy(d => $"{d.JurisdictionId}/{d.Route?.Adapter ?? ""}")
            .ToDictionary(g => g.Key, g => states.ToDictionary(s => s, s => Count(g.Count(d => d.State == s))));

        var now = DateTimeOffset.UtcNow;
        var lastHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var hours = Enumerable.Range(0, 24).Select(i => lastHour.AddHours(i - 23)).ToList();
        var deliveredReports = deliveries.Where(d => d.Kind == DeliveryKinds.Request && d.DeliveredAt is not null).Select(d => d.DeliveredAt!.Value).ToList();
        var chart = new Dictionary<string, string>();
        foreach (var hour in hours)
        {
            var at = hour.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
            chart[$"accepted {at}"] = $"{at}: {reports.Count(t => t >= hour && t < hour.AddHours(1))} accepted";
            chart[$"delivered {at}"] = $"{at}: {deliveredReports.Count(t => t >= hour && t < hour.AddHours(1))} delivered";
        }

        var metrics = new Dictionary<string, string>
        {
            ["accepted-24h"] = Count(reports.Count(t => t >= hours[0])),
            ["delivered-24h"] = Count(deliveredReports.Count(t => t >= hours[0])),
            ["failed"] = Count(deliveries.Count(d => d.State == DeliveryStates.Failed)),
            ["rejected"] = Count(deliveries.Count(d => d.State == DeliveryStates.Rejected)),
            ["retry-wait"] = Count(deliveries.Count(d => d.State == DeliveryStates.RetryWait)),
            ["outbox-waiting"] = Count(outbox.Count(m => m.ParkedAt is null)),
            ["outbox-parked"] = Count(outbox.Count(m => m.ParkedAt is not null)),
            ["rate-limited"] = "3",
        };
        var failures = deliveries.Where(d => d.State is DeliveryStates.Failed or DeliveryStates.Rejected).OrderByDescending(d => d.UpdatedAt).Take(20)
            .Select(d => $"{d.Id} HTTP {d.LastHttpStatus}: {d.LastError}").ToArray();
        var retryQueue = deliveries.Where(d => d.State == DeliveryStates.RetryWait).OrderBy(d => d.NextAttemptAt).Take(20).Select(d => d.Id.ToString()).ToArray();
        var jurisdictionOf = deliveries.ToDictionary(d => d.Id, d => d.JurisdictionId);
        var outboxRows = outbox.GroupBy(m => m.DeliveryId is { } id ? jurisdictionOf[id] : "")
            .ToDictionary(g => g.Key, g => $"{Count(g.Count(m => m.ParkedAt is null))} waiting, {Count(g.Count(m => m.ParkedAt is not null))} parked");

        // The seed must reach every column: a page that showed zeros everywhere would otherwise pass.
        Assert.All(states, s => Assert.Contains(byRoute.Values, counts => counts[s] != "0"));
        Assert.Contains($"{Infrastructure.TestCatalog.SecondJurisdiction}/{AdapterKinds.Open311}", byRoute.Keys);
        Assert.Contains(outbox, m => m.ParkedAt is null && m.DeliveryId is null);
        Assert.Contains(outbox, m => m.ParkedAt is not null);
        Assert.True(hours.Count(h => chart[$"delivered {h:yyyy-MM-dd'T'HH:mm'Z'}"] != $"{h:yyyy-MM-dd'T'HH:mm'Z'}: 0 delivered") > 5);
        return new Expected(byRoute, metrics, chart, failures, retryQueue, outboxRows);
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
