using Open311Gateway.Api.Open311;

namespace Open311Gateway.Tests.Open311;

public sealed class Open311DateParserTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTimeOffset Parse(string text, TimeZoneInfo? zone = null)
    {
        Assert.True(Open311DateParser.TryParse(text, zone ?? Berlin, out var instant), $"'{text}' was not read.");
        return instant;
    }

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-01T09:30:00+01:00", "2026-03-01T08:30:00Z", 60)]
    [InlineData("2026-03-01T09:30:00+0100", "2026-03-01T08:30:00Z", 60)]
    [InlineData("2026-03-01T09:30:00Z", "2026-03-01T09:30:00Z", 0)]
    [InlineData("2026-03-01T09:30:00-05:00", "2026-03-01T14:30:00Z", -300)]
    [InlineData("2026-03-01T09:30:00+05:45", "2026-03-01T03:45:00Z", 345)]
    [InlineData("2026-03-01T09:30:00+14:00", "2026-02-28T19:30:00Z", 840)]
    [InlineData("2026-03-01T09:30:00-14:00", "2026-03-01T23:30:00Z", -840)]
    [InlineData("2026-03-01T09:30+01:00", "2026-03-01T08:30:00Z", 60)]
    [InlineData("  2026-03-01T09:30:00+01:00  ", "2026-03-01T08:30:00Z", 60)]
    public void A_time_with_a_zone_keeps_its_offset_and_instant(string text, string utc, int offsetMinutes)
    {
        var instant = Parse(text);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), instant.Offset);
    }

    [Fact]
    public void Fractional_seconds_are_kept() =>
        Assert.Equal(Utc(2026, 3, 1, 8, 30).AddTicks(1234567), Parse("2026-03-01T09:30:00.1234567+01:00"));

    [Fact]
    public void A_plus_that_arrived_as_a_space_is_read_as_plus()
    {
        var instant = Parse("2026-03-01T09:30:00 01:00");
        Assert.Equal(Utc(2026, 3, 1, 8, 30), instant);
        Assert.Equal(TimeSpan.FromHours(1), instant.Offset);
        Assert.Equal(Utc(2026, 3, 1, 8, 30), Parse("2026-03-01T09:30:00 0100"));
    }

    [Fact]
    public void A_time_without_a_zone_is_read_in_berlin_winter_time() =>
        Assert.Equal((Utc(2026, 1, 15, 8, 0), TimeSpan.FromHours(1)), (Parse("2026-01-15T09:00:00"), Parse("2026-01-15T09:00:00").Offset));

    [Fact]
    public void A_time_without_a_zone_is_read_in_berlin_summer_time() =>
        Assert.Equal((Utc(2026, 7, 15, 7, 0), TimeSpan.FromHours(2)), (Parse("2026-07-15T09:00:00"), Parse("2026-07-15T09:00:00").Offset));

    [Fact]
    public void A_date_alone_is_midnight_in_berlin() =>
        Assert.Equal(Utc(2026, 7, 14, 22, 0), Parse("2026-07-15"));

    [Fact]
    public void A_time_without_a_zone_is_read_in_the_given_zone() =>
        Assert.Equal(Utc(2026, 7, 15, 9, 0), Parse("2026-07-15T09:00:00", TimeZoneInfo.Utc));

    [Theory]
    [InlineData("2026-03-29T01:59:59", "2026-03-29T00:59:59Z")]
    [InlineData("2026-03-29T03:00:00", "2026-03-29T01:00:00Z")]
    // 02:00–02:59 does not exist that night: read as the hour after it, in summer time.
    [InlineData("2026-03-29T02:00:00", "2026-03-29T01:00:00Z")]
    [InlineData("2026-03-29T02:30:00", "2026-03-29T01:30:00Z")]
    public void The_spring_gap_is_read_as_the_hour_after_it(string text, string utc)
    {
        var instant = Parse(text);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(Berlin.GetUtcOffset(instant), instant.Offset);
    }

    [Fact]
    public void The_autumn_hour_that_happens_twice_is_read_once_with_a_valid_offset()
    {
        var instant = Parse("2026-10-25T02:30:00");
        Assert.Contains(instant, new[] { Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1, 30) });
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), instant.DateTime);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("gestern")]
    [InlineData("01.03.2026")]
    [InlineData("2026-03-01 09:30:00")]
    [InlineData("2026-3-1T09:30:00Z")]
    [InlineData("2026-13-01T09:30:00Z")]
    [InlineData("2026-02-30T09:30:00Z")]
    [InlineData("2026-03-01T25:00:00Z")]
    [InlineData("2026-03-01T09:60:00Z")]
    [InlineData("2026-03-01T09:30:00z")]
    [InlineData("2026-03-01T09:30:00ZZ")]
    [InlineData("2026-03-01T09:30:00+01")]
    [InlineData("2026-03-01T09:30:00+1:00")]
    [InlineData("2026-03-01T09:30:00+15:00")]
    [InlineData("2026-03-01T09:30:00+14:30")]
    [InlineData("2026-03-01T09:30:00-14:01")]
    [InlineData("2026-03-01T09:30:00+01:60")]
    [InlineData("2026-03-01T09:30:00.12345678Z")]
    [InlineData("2026-03-01T09:30:00Europe/Berlin")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("１２３４-01-01")]
    public void Garbage_is_not_a_date(string? text) =>
        Assert.False(Open311DateParser.TryParse(text, Berlin, out _));

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00-01:00")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59+01:00")]
    public void The_ends_of_the_calendar_are_read_when_their_instant_exists(string text) => Parse(text);

    [Theory]
    [InlineData("1890-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    public void A_zoneless_time_far_in_the_past_or_future_never_throws(string text) =>
        _ = Open311DateParser.TryParse(text, Berlin, out _);
}
