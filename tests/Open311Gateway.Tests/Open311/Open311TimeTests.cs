using System.Globalization;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Tests.Open311;

/// <summary>Open311Time writes by hand what the format string "yyyy-MM-dd'T'HH:mm:sszzz" wrote: the same text in every zone.</summary>
public sealed class Open311TimeTests
{
    [Theory]
    [InlineData("Europe/Berlin", "2026-03-01T08:30:00Z", "2026-03-01T09:30:00+01:00")]
    [InlineData("Europe/Berlin", "2026-07-01T22:05:09Z", "2026-07-02T00:05:09+02:00")]
    [InlineData("America/St_Johns", "2026-01-15T12:00:00Z", "2026-01-15T08:30:00-03:30")]
    [InlineData("Asia/Kathmandu", "2026-01-15T12:00:00Z", "2026-01-15T17:45:00+05:45")]
    [InlineData("UTC", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:00")]
    public void Writes_the_local_time_with_its_offset(string zone, string instant, string expected)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        Assert.Equal(expected, Open311Time.Format(at, Open311Time.Zone(zone)));
    }

    [Fact]
    public void Matches_the_format_string_it_replaces_over_a_year_of_hours()
    {
        var zone = Open311Time.Zone("Europe/Berlin");
        for (var at = new DateTimeOffset(2026, 1, 1, 0, 0, 7, TimeSpan.Zero); at.Year == 2026; at = at.AddMinutes(97))
            Assert.Equal(TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), Open311Time.Format(at, zone));
    }
}
