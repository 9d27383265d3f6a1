using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.StatusLinks;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.Email;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.Adapters.Email;

/// <summary>
/// Status back without an account: the links a clerk finds in the mail, followed as a browser (or a mail
/// scanner) would — GET shows, only the clerk's POST changes anything, once, for its own report, until it expires.
/// </summary>
[Collection(EmailCollection.Name)]
public sealed partial class EmailStatusLinkTests(EmailDeliveryTestBed bed, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Opening_every_link_of_a_mail_shows_its_page_and_changes_nothing()
    {
        var (id, links) = await MailedReportAsync("Nur angesehen");

        foreach (var (label, path) in links)
        {
            var page = await bed.Api.Client.GetAsync(path);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(label, html);
            Assert.Contains("<form method=\"post\">", html);
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
            // A scanner that follows the link twice changes nothing either.
            Assert.Equal(HttpStatusCode.OK, (await bed.Api.Client.GetAsync(path)).StatusCode);
        }

        var report = await ReportAsync(id);
        Assert.Equal("open", (string?)report["status"]);
        Assert.Null((string?)report["status_notes"]);
        Assert.Empty(await UpdatesOfAsync(id));
        output.WriteLine($"GET of {links.Count} links, twice each: report {id} still {(string?)report["status"]}, 0 status updates");
    }

    [Fact]
    public async Task Confirming_a_link_sets_the_status_with_the_clerks_note_once_and_a_replay_changes_nothing()
    {
        var (id, links) = await MailedReportAsync("Wird erledigt");
        var fixedLink = links.Single(l => l.Label == "Erledigt").Path;

        var applied = await PostAsync(fixedLink, "Schlagloch am Dienstag verfüllt.");
        Assert.Equal(HttpStatusCode.OK, applied.Status);
        Assert.Contains("Der Status wurde gesetzt.", applied.Html);

        var report = await ReportAsync(id);
        Assert.Equal("closed", (string?)report["status"]);
        Assert.Equal("Schlagloch am Dienstag verfüllt.", (string?)report["status_notes"]);
        var update = Assert.Single(await UpdatesOfAsync(id));
        Assert.Equal("FIXED", (string?)update["status"]);

        var replayed = await PostAsync(fixedLink, "Ein zweiter Versuch mit anderer Notiz.");
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Contains("bereits verwendet", replayed.Html);
        var opened = await bed.Api.Client.GetAsync(fixedLink);
        var page = await opened.Content.ReadAsStringAsync();
        Assert.Contains("bereits verwendet", page);
        Assert.DoesNotContain("<form", page);

        report = await ReportAsync(id);
        Assert.Equal("Schlagloch am Dienstag verfüllt.", (string?)report["status_notes"]);
        Assert.Single(await UpdatesOfAsync(id));
        output.WriteLine($"POST applied FIXED to report {id}; the replayed POST answered \"already used\" and left 1 update, the note unchanged");
    }

    [Fact]
    public async Task A_link_works_for_its_own_report_only()
    {
        var (first, links) = await MailedReportAsync("Eigener Link");
        var (second, _) = await MailedReportAsync("Fremder Link");
        var foreign = links.Single(l => l.Label == "Erledigt").Path.Replace($"/status-links/{first}/", $"/status-links/{second}/", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await bed.Api.Client.GetAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(foreign, "Darf nicht wirken")).Status);
        // A mangled signature and an unknown key are no better.
        var mangled = links[0].Path[..^3] + "xyz";
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(mangled, null)).Status);
        var unknownKey = $"/status-links/{first}/" + SignerPath(EmailDeliveryTestBed.SignerWith(new StatusLinkKey { Id = "k-fremd", Secret = new string('f', 40) }),
            first, "FIXED", DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(unknownKey, null)).Status);

        Assert.Equal("open", (string?)(await ReportAsync(second))["status"]);
        Assert.Equal("open", (string?)(await ReportAsync(first))["status"]);
        Assert.Empty(await UpdatesOfAsync(second));
    }

    [Fact]
    public async Task An_expired_link_answers_410_and_changes_nothing()
    {
        var (id, _) = await MailedReportAsync("Link abgelaufen");
        var signer = bed.Api.Services.GetRequiredService<StatusLinkSigner>();
        var expired = $"/status-links/{id}/" + SignerPath(signer, id, "FIXED", DateTimeOffset.UtcNow.AddMinutes(-1));

        var opened = await bed.Api.Client.GetAsync(expired);
        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        Assert.Contains("abgelaufen", await opened.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Gone, (await PostAsync(expired, "Zu spät")).Status);
        Assert.Equal("open", (string?)(await ReportAsync(id))["status"]);
        Assert.Empty(await UpdatesOfAsync(id));
    }

    [Fact]
    public async Task After_a_key_rotation_old_links_work_during_the_grace_period_and_answer_410_after_it()
    {
        var (id, _) = await MailedReportAsync("Schlüsselwechsel");
        var future = DateTimeOffset.UtcNow.AddDays(30);
        var fromGraceKey = $"/status-links/{id}/" + SignerPath(EmailDeliveryTestBed.SignerWith(EmailDeliveryTestBed.GraceKey), id, "IN_PROGRESS", future);
        var fromEndedKey = $"/status-links/{id}/" + SignerPath(EmailDeliveryTestBed.SignerWith(EmailDeliveryTestBed.EndedKey), id, "FIXED", future);

        Assert.Equal(HttpStatusCode.Gone, (await bed.Api.Client.GetAsync(fromEndedKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await PostAsync(fromEndedKey, "Alter Schlüssel")).Status);
        Assert.Equal("open", (string?)(await ReportAsync(id))["status"]);

        var applied = await PostAsync(fromGraceKey, "In Arbeit beim Bauhof.");
        Assert.Equal(HttpStatusCode.OK, applied.Status);
        Assert.Contains("Der Status wurde gesetzt.", applied.Html);
        var update = Assert.Single(await UpdatesOfAsync(id));
        Assert.Equal("IN_PROGRESS", (string?)update["status"]);
        Assert.Equal("In Arbeit beim Bauhof.", (string?)(await ReportAsync(id))["status_notes"]);
        output.WriteLine($"grace key {EmailDeliveryTestBed.GraceKey.Id}: applied; key {EmailDeliveryTestBed.EndedKey.Id} past AcceptUntil: 410");
    }

    [Fact]
    public async Task A_note_that_is_not_UTF_8_is_refused_and_changes_nothing()
    {
        var (id, links) = await MailedReportAsync("Notiz kaputt");
        var fixedLink = links.Single(l => l.Label == "Erledigt").Path;

        // "%FF" and a UTF-8-encoded surrogate: a lenient reader would store both as U+FFFD.
        foreach (var body in new[] { "note=Verf%FCllt", "note=%ED%A0%80" })
        {
            using var form = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
            var response = await bed.Api.Client.PostAsync(fixedLink, form);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            // The page HTML-encodes "gültiger"; "(UTF-8)" is only in the refusal (the charset is written "utf-8").
            Assert.Contains("(UTF-8)", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal("open", (string?)(await ReportAsync(id))["status"]);
        Assert.Empty(await UpdatesOfAsync(id));
    }

    /// <summary>Posts a report, waits for its mail and returns the mail's status links as paths on the in-process API.</summary>
    private async Task<(string Id, List<(string Label, string Path)> Links)> MailedReportAsync(string description)
    {
        var id = await bed.PostReportAsync(("description", $"{description} {Guid.NewGuid()}"));
        await bed.WaitForMailAsync(() => bed.Smtp.Accepted.Any(m => m.ServiceRequestId == id), Patience, $"the mail of report {id} arrived");
        var mail = bed.Smtp.Accepted.First(m => m.ServiceRequestId == id);
        var links = LinkLine().Matches(mail.Text)
            .Select(m => (m.Groups["label"].Value, new Uri(m.Groups["url"].Value).PathAndQuery))
            .ToList();
        Assert.Equal(["In Bearbeitung", "Erledigt", "Nicht zuständig", "Kein Handlungsbedarf"], links.Select(l => l.Item1));
        Assert.All(links, l => Assert.StartsWith($"/status-links/{id}/", l.Item2));
        return (id, links);
    }

    private static string SignerPath(StatusLinkSigner signer, string id, string status, DateTimeOffset expiresAt) =>
        signer.Sign(long.Parse(id, CultureInfo.InvariantCulture), status, expiresAt);

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string path, string? note)
    {
        using var form = new FormUrlEncodedContent(note is null ? [] : [new KeyValuePair<string, string>("note", note)]);
        var response = await bed.Api.Client.PostAsync(path, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JToken> ReportAsync(string id) => (await (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!;

    private async Task<List<JToken>> UpdatesOfAsync(string id) =>
        (await (await bed.Api.Client.GetOpen311Async("servicerequestupdates.json")).JsonAsync())
            .Where(u => (string?)u["service_request_id"] == id).ToList();

    // "In Bearbeitung: https://…/status-links/…" in the plain part.
    [GeneratedRegex(@"^(?<label>[^:\n]+): (?<url>https://\S+/status-links/\S+)$", RegexOptions.Multiline)]
    private static partial Regex LinkLine();
}
