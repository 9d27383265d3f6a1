using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Open311Gateway.Api.OpenData.Exports;

namespace Open311Gateway.Tests.OpenData.Exports;

public sealed class ExportWindowParserTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static (ExportWindow? Window, List<string> Errors) Parse(string query) =>
        ExportWindowParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), Berlin);

    [Fact]
    public void No_parameters_are_the_whole_dataset_with_no_default_window()
    {
        var (window, errors) = Parse("");

        Assert.Empty(errors);
        Assert.Equal(new ExportWindow(null, null, null, null), window);
        Assert.False(window!.IsChangeWindow);
    }

    [Fact]
    public void Years_apart_are_one_window_and_a_time_without_offset_is_read_in_the_jurisdictions_zone()
    {
        var (window, _) = Parse("?start_date=2019-01-01&end_date=2026-07-01T12:00:00");

        Assert.Equal(new DateTimeOffset(2018, 12, 31, 23, 0, 0, TimeSpan.Zero), window!.RequestedFrom);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), window.RequestedTo);
        Assert.Equal(TimeSpan.Zero, window.RequestedFrom!.Value.Offset);
    }

    [Fact]
    public void Updated_after_makes_a_change_window()
    {
        var (window, _) = Parse("?updated_after=2026-11-01T00:00:00Z");

        Assert.True(window!.IsChangeWindow);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), window.UpdatedAfter);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_an_empty_value_is_absent()
    {
        var (window, errors) = Parse("?start_date=morgen&end_date=&updated_after=2026-02-01&updated_before=2026-01-01&updated_after=");

        Assert.Null(window);
        Assert.Equal(["start_date 'morgen' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.", "updated_before is before updated_after."], errors);
    }

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Assert.Equal(["end_date is before start_date."], Parse("?start_date=2026-03-01&end_date=2026-02-01").Errors);
}
