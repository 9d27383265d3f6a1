using Open311Gateway.Api.Statuses;

namespace Open311Gateway.Tests.Statuses;

public sealed class ExtendedStatusesTests
{
    [Theory]
    [InlineData("OPEN"), InlineData("IN_PROGRESS"), InlineData("ACTION_SCHEDULED"), InlineData("INVESTIGATING")]
    [InlineData("INTERNAL_REFERRAL"), InlineData("REOPEN"), InlineData("FOR_TRIAGE")]
    public void Work_still_to_do_means_open(string extended)
    {
        Assert.True(ExtendedStatuses.TryGetCoreStatus(extended, out var core));
        Assert.Equal("open", core);
    }

    [Theory]
    [InlineData("CLOSED"), InlineData("FIXED"), InlineData("DUPLICATE"), InlineData("NOT_COUNCILS_RESPONSIBILITY")]
    [InlineData("NO_FURTHER_ACTION"), InlineData("CANCELLED")]
    public void Finished_cases_mean_closed(string extended)
    {
        Assert.True(ExtendedStatuses.TryGetCoreStatus(extended, out var core));
        Assert.Equal("closed", core);
    }

    [Theory]
    [InlineData("fixed", "FIXED", "closed")]
    [InlineData("In_Progress", "IN_PROGRESS", "open")]
    [InlineData("not_councils_responsibility", "NOT_COUNCILS_RESPONSIBILITY", "closed")]
    public void Case_does_not_matter_and_the_stored_spelling_is_upper_case(string sent, string stored, string expectedCore)
    {
        Assert.True(ExtendedStatuses.TryGetCoreStatus(sent, out var core));
        Assert.Equal(expectedCore, core);
        Assert.Equal(stored, ExtendedStatuses.Normalize(sent));
    }

    [Theory]
    [InlineData("DONE"), InlineData(""), InlineData(" FIXED"), InlineData("FIXED "), InlineData("open "), InlineData("IN PROGRESS"), InlineData(null)]
    public void Anything_outside_the_table_is_refused(string? extended)
    {
        Assert.False(ExtendedStatuses.TryGetCoreStatus(extended, out var core));
        Assert.Equal("", core);
        Assert.Null(ExtendedStatuses.Normalize(extended));
    }

    [Fact]
    public void Lower_case_open_and_closed_are_read_as_the_extended_OPEN_and_CLOSED()
    {
        // "open" and "closed" are also the extended OPEN and CLOSED, whatever their case: that is what FixMyStreet sends.
        Assert.Equal("OPEN", ExtendedStatuses.Normalize("open"));
        Assert.Equal("CLOSED", ExtendedStatuses.Normalize("closed"));
    }

    [Fact]
    public void The_table_has_thirteen_statuses_seven_open_and_six_closed()
    {
        Assert.Equal(13, ExtendedStatuses.All.Count);
        Assert.Equal(13, ExtendedStatuses.All.Distinct().Count());
        Assert.All(ExtendedStatuses.All, s => Assert.Equal(s.ToUpperInvariant(), s));
        Assert.Equal(7, ExtendedStatuses.All.Count(s => ExtendedStatuses.TryGetCoreStatus(s, out var c) && c == "open"));
        Assert.Equal(6, ExtendedStatuses.All.Count(s => ExtendedStatuses.TryGetCoreStatus(s, out var c) && c == "closed"));
    }
}
