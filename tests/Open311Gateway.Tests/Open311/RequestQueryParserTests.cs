using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.Api.Features.Requests;

namespace Open311Gateway.Tests.Open311;

public sealed class RequestQueryParserTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static (RequestQuery? Query, List<string> Errors) Parse(string queryString) =>
        RequestQueryParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)), Berlin, Now);

    private static RequestQuery Valid(string queryString)
    {
        var (query, errors) = Parse(queryString);
        Assert.Empty(errors);
        return query!;
    }

    private static List<string> Invalid(string queryString)
    {
        var (query, errors) = Parse(queryString);
        Assert.Null(query);
        Assert.NotEmpty(errors);
        return errors;
    }

    [Fact]
    public void No_filters_mean_the_last_90_days_of_everything()
    {
        var query = Valid("");
        Assert.Equal((Now.AddDays(-90), Now), (query.RequestedFrom!.Value, query.RequestedTo!.Value));
        Assert.Empty(query.ServiceRequestIds);
        Assert.Empty(query.ServiceCodes);
        Assert.Empty(query.Statuses);
    }

    [Fact]
    public void Empty_parameters_count_as_absent() =>
        Assert.Equal(Valid(""), Valid("?service_request_id=&service_code=&status=&start_date=&end_date=&jurisdiction_id="), new QueryComparer());

    [Fact]
    public void Service_request_ids_are_a_comma_list_without_repeats() =>
        Assert.Equal([3L, 1L, 2L], Valid("?service_request_id=3,1, 2,,3").ServiceRequestIds);

    [Theory]
    [InlineData("x")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void A_service_request_id_that_is_no_id_is_an_error(string id) =>
        Assert.Equal([$"service_request_id '{id}' is not a service request id."], Invalid("?service_request_id=" + Uri.EscapeDataString(id)));

    [Fact]
    public void Service_codes_are_a_comma_list_kept_as_written() =>
        Assert.Equal(["SCHLAGLOCH", "Grün & Park/Bank"], Valid("?service_code=SCHLAGLOCH,%20Gr%C3%BCn%20%26%20Park%2FBank,SCHLAGLOCH").ServiceCodes);

    [Fact]
    public void Statuses_are_read_case_insensitively() =>
        Assert.Equal(["open", "closed"], Valid("?status=OPEN,Closed,open").Statuses);

    [Fact]
    public void An_unknown_status_is_an_error() =>
        Assert.Equal(["status 'erledigt' is not one of: open, closed."], Invalid("?status=open,erledigt"));

    [Fact]
    public void Repeated_parameters_are_joined() =>
        Assert.Equal(["open", "closed"], Valid("?status=open&status=closed").Statuses);

    [Fact]
    public void Start_and_end_date_set_the_window()
    {
        var query = Valid("?start_date=2026-01-01T00:00:00Z&end_date=2026-02-01T00:00:00%2B01:00");
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), query.RequestedFrom!.Value);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), query.RequestedTo!.Value);
    }

    [Fact]
    public void A_start_date_alone_spans_the_90_days_after_it()
    {
        var query = Valid("?start_date=2026-01-01T00:00:00Z");
        Assert.Equal(query.RequestedFrom!.Value.AddDays(90), query.RequestedTo!.Value);
    }

    [Fact]
    public void An_end_date_alone_spans_the_90_days_before_it()
    {
        var query = Valid("?end_date=2026-04-01T00:00:00Z");
        Assert.Equal(query.RequestedTo!.Value.AddDays(-90), query.RequestedFrom!.Value);
    }

    [Fact]
    public void Dates_without_a_zone_are_read_in_the_jurisdictions_zone() =>
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), Valid("?start_date=2026-07-01T09:00:00").RequestedFrom);

    [Fact]
    public void A_plus_sent_unencoded_in_a_date_is_read_as_plus() =>
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), Valid("?start_date=2026-07-01T09:00:00+02:00").RequestedFrom);

    [Fact]
    public void A_window_of_exactly_90_days_is_accepted_and_a_longer_one_is_an_error()
    {
        Valid("?start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:00Z");
        Assert.Equal(["start_date and end_date may be at most 90 days apart."], Invalid("?start_date=2026-01-01T00:00:00Z&end_date=2026-04-01T00:00:01Z"));
    }

    [Fact]
    public void An_end_before_the_start_is_an_error() =>
        Assert.Equal(["end_date is before start_date."], Invalid("?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"));

    [Fact]
    public void A_malformed_date_is_an_error() =>
        Assert.Equal(["end_date 'morgen' is not a W3C date-time such as 2026-03-01T09:30:00+01:00."], Invalid("?end_date=morgen"));

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        Assert.Equal(4, Invalid("?service_request_id=x&status=kaputt&start_date=gestern&end_date=morgen").Count);

    [Theory]
    [InlineData("?start_date=9999-12-31T23:00:00Z")]
    [InlineData("?end_date=0001-01-01T00:00:00Z")]
    public void A_window_at_the_end_of_the_calendar_is_cut_off_not_overflowed(string queryString)
    {
        var query = Valid(queryString);
        Assert.True(query.RequestedFrom!.Value <= query.RequestedTo!.Value);
    }

    [Fact]
    public void A_standard_listing_names_no_place_change_page_text_or_extensions()
    {
        var query = Valid("");
        Assert.Null(query.Radius);
        Assert.Null(query.Box);
        Assert.Null(query.Paging);
        Assert.Null(query.Text);
        Assert.False(query.IsChangeQuery);
        Assert.False(query.Extensions);
    }

    [Fact]
    public void A_radius_is_read_with_a_decimal_point() =>
        Assert.Equal(new RadiusFilter(52.52, -13.405, 250.5), Valid("?lat=52.52&long=-13.405&radius=250.5").Radius);

    [Fact]
    public void A_bbox_is_read_in_its_order_with_spaces_allowed() =>
        Assert.Equal(new BoundingBox(13.3, 52.4, 13.5, 52.6), Valid("?bbox=13.3,%2052.4,13.5,52.6").Box);

    [Fact]
    public void Updated_after_and_before_replace_the_default_window_and_are_read_in_the_jurisdictions_zone()
    {
        var query = Valid("?updated_after=2026-07-01T09:00:00&updated_before=2020-01-01T00:00:00Z&updated_before=2026-07-02T00:00:00Z");
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), query.UpdatedAfter);
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), query.UpdatedBefore);
        Assert.True(query.IsChangeQuery);
        Assert.Null(query.RequestedFrom);
        Assert.Null(query.RequestedTo);
    }

    [Fact]
    public void A_service_request_id_list_overrides_updated_parameters_too() =>
        Assert.False(Valid("?service_request_id=4&updated_after=2026-01-01T00:00:00Z").IsChangeQuery);

    [Fact]
    public void Paging_without_dates_has_no_window_and_with_dates_keeps_it()
    {
        Assert.Null(Valid("?page=2").RequestedFrom);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Valid("?page=2&start_date=2026-01-01T00:00:00Z").RequestedFrom);
    }

    [Theory]
    [InlineData("?page=3&page_size=20", 40, 20)]
    [InlineData("?page=1", 0, 100)]
    [InlineData("?page_size=1000", 0, 1000)]
    [InlineData("?offset=7&limit=3", 7, 3)]
    [InlineData("?offset=7", 7, 100)]
    [InlineData("?limit=1", 0, 1)]
    [InlineData("?page=2147483647&page_size=1000", 2147483646000, 1000)]
    public void Both_paging_styles_give_an_offset_and_a_limit(string queryString, long offset, int limit) =>
        Assert.Equal(new Paging(offset, limit), Valid(queryString).Paging);

    [Fact]
    public void Q_is_trimmed_and_an_empty_q_is_absent()
    {
        Assert.Equal("Laterne Hauptstraße", Valid("?q=%20Laterne%20Hauptstra%C3%9Fe%20").Text);
        Assert.Null(Valid("?q=%20").Text);
    }

    [Fact]
    public void Every_problem_of_the_new_parameters_is_reported_with_the_standard_ones() =>
        Assert.Equal(6, Invalid("?status=kaputt&updated_after=x&bbox=1,2&page=0&extensions=ja&q=" + new string('a', 201)).Count);

    private sealed class QueryComparer : IEqualityComparer<RequestQuery>
    {
        public bool Equals(RequestQuery? x, RequestQuery? y) => x is not null && y is not null
            && x.ServiceRequestIds.SequenceEqual(y.ServiceRequestIds) && x.ServiceCodes.SequenceEqual(y.ServiceCodes)
            && x.Statuses.SequenceEqual(y.Statuses) && x.RequestedFrom == y.RequestedFrom && x.RequestedTo == y.RequestedTo;

        public int GetHashCode(RequestQuery obj) => 0;
    }
}
