using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests.Intake;

/// <summary>
/// A new report near an open public report of the same service is accepted and told about it (ADR 15), by
/// PostGIS's ST_DWithin on the stored geography. Each test works at a spot of its own, about a kilometre apart.
/// </summary>
public sealed class DuplicateHintTests(PracticeApp app) : IClassFixture<PracticeApp>
{
    // 0.0002° of latitude are about 22 m, 0.0009° about 100 m; the test services hint within 50 m.
    private const double Near = 0.0002;
    private const double Far = 0.0009;
    private const double Long = 13.40;

    private static string Hint(string id) => $"Ganz in der Nähe ist bereits eine Meldung dazu offen: {id}.";

    [Fact]
    public async Task A_report_22_m_from_an_open_one_is_accepted_and_its_notice_names_the_earlier_one_after_the_services_own()
    {
        var earlier = await app.PostAtAsync(PracticeApp.Streetlight, 52.41, Long);
        var later = await app.PostAtAsync(PracticeApp.Streetlight, 52.41 + Near, Long);

        Assert.Equal(PracticeApp.StreetlightNotice, (string?)earlier["service_notice"]);
        var id = (string)later["service_request_id"]!;
        var expected = PracticeApp.StreetlightNotice + " " + Hint((string)earlier["service_request_id"]!);
        Assert.Equal(expected, (string?)later["service_notice"]);
        var shown = (await (await app.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!;
        Assert.Equal(expected, (string?)shown["service_notice"]);
        var xml = await (await app.Client.GetOpen311Async($"requests/{id}.xml")).XmlAsync();
        Assert.Equal(expected, xml.Root!.Element("request")!.Element("service_notice")!.Value);
    }

    [Fact]
    public async Task Without_a_notice_of_its_own_the_service_notice_is_the_hint_alone()
    {
        var earlier = await app.PostIdAtAsync(PracticeApp.Drain, 52.42, Long);
        var later = await app.PostAtAsync(PracticeApp.Drain, 52.42, Long + 0.0001);

        Assert.Equal(Hint(earlier), (string?)later["service_notice"]);
    }

    [Fact]
    public async Task A_report_100_m_away_gets_no_hint()
    {
        await app.PostIdAtAsync(PracticeApp.Drain, 52.43, Long);
        var later = await app.PostAtAsync(PracticeApp.Drain, 52.43 + Far, Long);

        Assert.Null((string?)later["service_notice"]);
    }

    [Fact]
    public async Task Of_two_near_reports_the_nearer_one_is_named()
    {
        await app.PostIdAtAsync(PracticeApp.Drain, 52.44 + 0.0004, Long);
        var nearer = await app.PostIdAtAsync(PracticeApp.Drain, 52.44 + 0.0001, Long);

        var later = await app.PostAtAsync(PracticeApp.Drain, 52.44, Long);

        Assert.Equal(Hint(nearer), (string?)later["service_notice"]);
    }

    [Fact]
    public async Task Closed_reports_and_reports_older_than_the_services_days_are_not_named()
    {
        var closed = await app.PostIdAtAsync(PracticeApp.Drain, 52.45, Long);
        await app.ChangeRowAsync(closed, r => (r.Status, r.ExtendedStatus) = ("closed", "FIXED"));
        var old = await app.PostIdAtAsync(PracticeApp.Drain, 52.45, Long);
        await app.ChangeRowAsync(old, r => r.RequestedAt = DateTimeOffset.UtcNow.AddDays(-31));

        var later = await app.PostAtAsync(PracticeApp.Drain, 52.45, Long);

        Assert.Null((string?)later["service_notice"]);
    }

    [Fact]
    public async Task A_report_of_another_service_at_the_same_spot_is_not_named()
    {
        await app.PostIdAtAsync(PracticeApp.Drain, 52.46, Long);

        var later = await app.PostAtAsync(PracticeApp.Streetlight, 52.46, Long);

        Assert.Equal(PracticeApp.StreetlightNotice, (string?)later["service_notice"]);
    }

    [Fact]
    public async Task A_service_without_duplicate_hints_never_names_one()
    {
        var pothole = ("attribute[GROESSE]", "klein");
        await app.PostAtAsync("SCHLAGLOCH", 52.47, Long, pothole);

        var later = await app.PostAtAsync("SCHLAGLOCH", 52.47, Long, pothole);

        Assert.Equal("Wir prüfen Ihre Meldung binnen drei Werktagen.", (string?)later["service_notice"]);
    }

    [Theory]
    [InlineData(ModerationStates.Held)]
    [InlineData(ModerationStates.Hidden)]
    public async Task A_held_or_hidden_report_is_never_named(string state)
    {
        var lat = state == ModerationStates.Held ? 52.48 : 52.49;
        var earlier = await app.PostIdAtAsync(PracticeApp.Drain, lat, Long);
        await app.ChangeRowAsync(earlier, r => r.Moderation = state);

        var later = await app.PostAtAsync(PracticeApp.Drain, lat, Long);

        Assert.Null((string?)later["service_notice"]);
    }

    [Fact]
    public async Task A_private_services_reports_are_never_named()
    {
        await app.PostIdAtAsync(PracticeApp.Vandalism, 52.50, Long);

        var later = await app.PostAtAsync(PracticeApp.Vandalism, 52.50, Long);

        Assert.Null((string?)later["service_notice"]);
    }

    [Fact]
    public async Task A_report_filed_as_private_is_not_named_after_its_service_became_public()
    {
        var earlier = await app.PostIdAtAsync(PracticeApp.Drain, 52.51, Long);
        await app.ChangeRowAsync(earlier, r => r.IsPrivate = true);

        var later = await app.PostAtAsync(PracticeApp.Drain, 52.51, Long);

        Assert.Null((string?)later["service_notice"]);
    }

    [Fact]
    public async Task A_blackbox_services_reports_are_never_named()
    {
        var tip = ("description", "Hinweis");
        await app.PostAtAsync(PracticeApp.Tip, 52.52, Long, tip);

        var later = await app.PostAtAsync(PracticeApp.Tip, 52.52, Long, tip);

        Assert.Null((string?)later["service_notice"]);
    }
}
