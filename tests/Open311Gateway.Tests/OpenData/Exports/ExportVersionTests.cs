using Open311Gateway.Api.OpenData.Exports;

namespace Open311Gateway.Tests.OpenData.Exports;

public sealed class ExportVersionTests
{
    private static readonly DateTimeOffset Changed = new(2026, 12, 1, 10, 14, 50, 123, TimeSpan.Zero);

    [Fact]
    public void The_etag_is_weak_and_moves_with_each_part()
    {
        var version = new ExportVersion(3, 100, 120, Changed);

        Assert.StartsWith("W/\"", version.ETag, StringComparison.Ordinal);
        Assert.NotEqual(version.ETag, (version with { CatalogVersion = 4 }).ETag);
        Assert.NotEqual(version.ETag, (version with { Count = 99 }).ETag);
        Assert.NotEqual(version.ETag, (version with { HighestId = 121 }).ETag);
        Assert.NotEqual(version.ETag, (version with { NewestChange = Changed.AddTicks(10) }).ETag);
    }

    [Fact]
    public void Last_modified_is_the_newest_change_to_the_second_and_absent_for_an_empty_export()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 14, 50, TimeSpan.Zero), new ExportVersion(1, 1, 1, Changed).LastModified);
        Assert.Null(new ExportVersion(1, 0, 0, null).LastModified);
    }
}
