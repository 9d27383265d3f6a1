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
        Assert.Equal((Now.AddDays(-90), Now), (query.Start, query.End));
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
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), query.Start);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero), query.End);
    }

    [Fact]
    public void A_start_date_alone_spans_the_90_days_after_it()
    {
        var query = Valid("?start_date=2026-01-01T00:00:00Z");
        Assert.Equal(query.Start.AddDays(90), query.End);
    }

    [Fact]
    public void An_end_date_alone_spans_the_90_days_before_it()
    {
        var query = Valid("?end_date=2026-04-01T00:00:00Z");
        Assert.Equal(query.End.AddDays(-90), query.Start);
    }

    [Fact]
    public void Dates_without_a_zone_are_read_in_the_jurisdictions_zone() =>
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), Valid("?start_date=2026-07-01T09:00:00").Start);

    [Fact]
    public void A_plus_sent_unencoded_in_a_date_is_read_as_plus() =>
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), Valid("?start_date=2026-07-01T09:00:00+02:00").Start);

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
        Assert.True(query.Start <= query.End);
    }

    private sealed class QueryComparer : IEqualityComparer<RequestQuery>
    {
        public bool Equals(RequestQuery? x, RequestQuery? y) => x is not null && y is not null
            && x.ServiceRequestIds.SequenceEqual(y.ServiceRequestIds) && x.ServiceCodes.SequenceEqual(y.ServiceCodes)
            && x.Statuses.SequenceEqual(y.Statuses) && x.Start == y.Start && x.End == y.End;

        public int GetHashCode(RequestQuery obj) => 0;
    }
}
