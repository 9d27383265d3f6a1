using System.Globalization;
using System.Net;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>
/// GET requests filters. Each test works in a date window of its own in 2025 (or by ids), so that the
/// rows other tests of this class insert do not show up in its answers.
/// </summary>
public sealed class RequestQueryTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<List<string>> IdsAsync(string query)
    {
        var json = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json" + query));
        return Assert.IsType<JArray>(json).Select(r => (string)r["service_request_id"]!).ToList();
    }

    private async Task<List<string>> BadRequestAsync(string query) =>
        await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("requests.json" + query), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Service_request_ids_override_every_other_filter()
    {
        var old = await Rows.InsertAsync(app, Utc(2019, 1, 1));
        var recent = await Rows.InsertAsync(app, Utc(2025, 1, 10));
        var ids = await IdsAsync($"?service_request_id={old.Id},{recent.Id}&status=closed&service_code=WILDER_MUELL&start_date=2025-06-01T00:00:00Z&end_date=2025-06-02T00:00:00Z");
        Assert.Equal([Id(recent.Id), Id(old.Id)], ids);
    }

    [Fact]
    public async Task A_service_request_id_list_takes_spaces_and_repeats()
    {
        var a = await Rows.InsertAsync(app, Utc(2025, 1, 11));
        var b = await Rows.InsertAsync(app, Utc(2025, 1, 12));
        Assert.Equal([Id(b.Id), Id(a.Id)], await IdsAsync($"?service_request_id={a.Id},%20{b.Id},{a.Id}"));
        Assert.Equal([Id(b.Id)], await IdsAsync($"?service_request_id={b.Id},987654321"));
    }

    [Fact]
    public async Task A_service_request_id_that_is_no_id_answers_400() =>
        Assert.Equal(["service_request_id 'x' is not a service request id."], await BadRequestAsync("?service_request_id=1,x"));

    [Fact]
    public async Task A_service_code_list_selects_those_services()
    {
        var pothole = await Rows.InsertAsync(app, Utc(2025, 2, 1));
        var waste = await Rows.InsertAsync(app, Utc(2025, 2, 2), serviceCode: "WILDER_MUELL");
        await Rows.InsertAsync(app, Utc(2025, 2, 3), serviceCode: "Grün & Park/Bank");
        const string window = "&start_date=2025-02-01T00:00:00Z&end_date=2025-02-28T00:00:00Z";
        Assert.Equal([Id(waste.Id), Id(pothole.Id)], await IdsAsync("?service_code=SCHLAGLOCH,WILDER_MUELL" + window));
        Assert.Equal([Id(pothole.Id)], await IdsAsync("?service_code=SCHLAGLOCH" + window));
    }

    [Fact]
    public async Task An_unknown_service_code_answers_400() =>
        Assert.Equal(["Unknown service_code 'GIBTS_NICHT'."], await BadRequestAsync("?service_code=SCHLAGLOCH,GIBTS_NICHT"));

    [Fact]
    public async Task A_status_list_selects_open_or_closed_requests()
    {
        var open = await Rows.InsertAsync(app, Utc(2025, 3, 1));
        var closed = await Rows.InsertAsync(app, Utc(2025, 3, 2), r => { r.Status = "closed"; r.ExtendedStatus = "FIXED"; });
        const string window = "&start_date=2025-03-01T00:00:00Z&end_date=2025-03-31T00:00:00Z";
        Assert.Equal([Id(closed.Id)], await IdsAsync("?status=closed" + window));
        Assert.Equal([Id(open.Id)], await IdsAsync("?status=open" + window));
        Assert.Equal([Id(closed.Id), Id(open.Id)], await IdsAsync("?status=open,closed" + window));
        Assert.Equal([Id(closed.Id), Id(open.Id)], await IdsAsync("?status=" + window));
    }

    [Fact]
    public async Task An_unknown_status_answers_400() =>
        Assert.Equal(["status 'erledigt' is not one of: open, closed."], await BadRequestAsync("?status=open,erledigt"));

    [Fact]
    public async Task Start_and_end_date_select_by_requested_datetime_inclusive()
    {
        var before = await Rows.InsertAsync(app, Utc(2025, 4, 1));
        var first = await Rows.InsertAsync(app, Utc(2025, 4, 5, 0));
        var middle = await Rows.InsertAsync(app, Utc(2025, 4, 10));
        var last = await Rows.InsertAsync(app, Utc(2025, 4, 15, 0));
        var after = await Rows.InsertAsync(app, Utc(2025, 4, 20));
        Assert.Equal([Id(last.Id), Id(middle.Id), Id(first.Id)], await IdsAsync("?start_date=2025-04-05T00:00:00Z&end_date=2025-04-15T00:00:00Z"));
        _ = (before, after);
    }

    [Fact]
    public async Task Dates_with_an_offset_select_the_same_instants()
    {
        // 2025-05-10T12:00Z is 14:00 in Berlin (summer time).
        var row = await Rows.InsertAsync(app, Utc(2025, 5, 10));
        Assert.Equal([Id(row.Id)], await IdsAsync("?start_date=2025-05-10T14:00:00%2B02:00&end_date=2025-05-10T14:00:00%2B02:00"));
        Assert.Empty(await IdsAsync("?start_date=2025-05-10T14:00:01%2B02:00&end_date=2025-05-11T00:00:00%2B02:00"));
        Assert.Equal([Id(row.Id)], await IdsAsync("?start_date=2025-05-10T07:00:00-05:00&end_date=2025-05-10T08:00:00-05:00"));
    }

    [Fact]
    public async Task An_unencoded_plus_in_a_date_that_arrives_as_a_space_is_read_as_plus()
    {
        var row = await Rows.InsertAsync(app, Utc(2025, 5, 20));
        Assert.Equal([Id(row.Id)], await IdsAsync("?start_date=2025-05-20T13:30:00+02:00&end_date=2025-05-20T14:30:00+02:00"));
    }

    [Fact]
    public async Task A_start_date_alone_selects_the_90_days_after_it()
    {
        var inside = await Rows.InsertAsync(app, Utc(2024, 3, 30));
        await Rows.InsertAsync(app, Utc(2024, 4, 2));
        Assert.Equal([Id(inside.Id)], await IdsAsync("?start_date=2024-01-01T00:00:00Z&service_code=SCHLAGLOCH"));
    }

    [Fact]
    public async Task An_end_date_alone_selects_the_90_days_before_it()
    {
        await Rows.InsertAsync(app, Utc(2022, 12, 31, 23));
        var inside = await Rows.InsertAsync(app, Utc(2023, 1, 1, 0));
        Assert.Equal([Id(inside.Id)], await IdsAsync("?end_date=2023-04-01T00:00:00Z"));
    }

    [Fact]
    public async Task By_default_only_the_last_90_days_are_listed()
    {
        var now = DateTimeOffset.UtcNow;
        var recent = await Rows.InsertAsync(app, now.AddDays(-10));
        var old = await Rows.InsertAsync(app, now.AddDays(-100));
        var ids = await IdsAsync("");
        Assert.Contains(Id(recent.Id), ids);
        Assert.DoesNotContain(Id(old.Id), ids);
        Assert.Equal([Id(old.Id)], await IdsAsync($"?service_request_id={old.Id}"));
    }

    [Fact]
    public async Task An_empty_jurisdiction_id_counts_as_absent_for_the_request_list()
    {
        var row = await Rows.InsertAsync(app, Utc(2021, 6, 1));
        Assert.Equal([Id(row.Id)], await IdsAsync("?jurisdiction_id=&start_date=2021-06-01T00:00:00Z&end_date=2021-06-02T00:00:00Z"));
        Assert.Equal([Id(row.Id)], await IdsAsync($"?jurisdiction_id={TestCatalog.Jurisdiction}&start_date=2021-06-01T00:00:00Z&end_date=2021-06-02T00:00:00Z"));
        var single = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async($"requests/{row.Id}.json?jurisdiction_id="));
        Assert.Equal(Id(row.Id), (string)single[0]!["service_request_id"]!);
    }

    [Fact]
    public async Task A_range_of_exactly_90_days_is_accepted_and_a_longer_one_answers_400()
    {
        Assert.Empty(await IdsAsync("?start_date=2021-01-01T00:00:00Z&end_date=2021-04-01T00:00:00Z"));
        Assert.Equal(["start_date and end_date may be at most 90 days apart."],
            await BadRequestAsync("?start_date=2021-01-01T00:00:00Z&end_date=2021-04-01T00:00:01Z"));
        Assert.Equal(["start_date and end_date may be at most 90 days apart."],
            await BadRequestAsync("?start_date=2020-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"));
    }

    [Fact]
    public async Task An_end_date_before_the_start_date_answers_400() =>
        Assert.Equal(["end_date is before start_date."], await BadRequestAsync("?start_date=2025-02-01T00:00:00Z&end_date=2025-01-01T00:00:00Z"));

    [Theory]
    [InlineData("gestern")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("2025-02-30")]
    [InlineData("2025-01-01T00:00:00%2B25:00")]
    [InlineData("2025-01-01T00:00:00%2B14:30")]
    [InlineData("1.1.2025")]
    [InlineData("2025-01-01T00:00:00ZZ")]
    public async Task A_malformed_date_answers_400(string date)
    {
        var errors = await BadRequestAsync("?start_date=" + date);
        Assert.Equal([$"start_date '{Uri.UnescapeDataString(date)}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00."], errors);
    }

    [Theory]
    [InlineData("start_date", "0001-01-01T00:00:00%2B01:00")]
    [InlineData("end_date", "9999-12-31T23:59:59-01:00")]
    public async Task A_date_whose_instant_the_calendar_cannot_hold_answers_400(string name, string date) =>
        Assert.Equal([$"{name} '{Uri.UnescapeDataString(date)}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00."],
            await BadRequestAsync($"?{name}={date}"));

    [Theory]
    [InlineData("?start_date=9999-12-31T23:00:00Z")]
    [InlineData("?end_date=0001-01-01T00:00:00Z")]
    [InlineData("?start_date=0001-01-01T00:00:00Z&end_date=0001-01-01T00:00:00Z")]
    public async Task A_window_at_the_edge_of_the_calendar_answers_an_empty_list(string query) =>
        Assert.Empty(await IdsAsync(query));

    [Fact]
    public async Task Several_query_problems_are_reported_together()
    {
        var errors = await BadRequestAsync("?status=kaputt&start_date=gestern&service_request_id=x");
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public async Task The_list_is_newest_first_with_ties_broken_by_id()
    {
        var a = await Rows.InsertAsync(app, Utc(2022, 6, 1));
        var b = await Rows.InsertAsync(app, Utc(2022, 6, 3));
        var c = await Rows.InsertAsync(app, Utc(2022, 6, 2));
        var d = await Rows.InsertAsync(app, Utc(2022, 6, 2));
        Assert.Equal([Id(b.Id), Id(d.Id), Id(c.Id), Id(a.Id)], await IdsAsync("?start_date=2022-06-01T00:00:00Z&end_date=2022-06-30T00:00:00Z"));
    }

    [Fact]
    public async Task Filters_answer_in_xml_too()
    {
        var row = await Rows.InsertAsync(app, Utc(2022, 7, 1));
        var xml = await Open311Assert.XmlAnswer(await app.Client.GetOpen311Async("requests.xml?start_date=2022-07-01T00:00:00Z&end_date=2022-07-02T00:00:00Z&status=open"));
        Assert.Equal([Id(row.Id)], xml.Root!.Elements("request").Select(r => r.Element("service_request_id")!.Value));
        await Open311Assert.XmlErrors(await app.Client.GetOpen311Async("requests.xml?status=kaputt"), HttpStatusCode.BadRequest);
    }
}
