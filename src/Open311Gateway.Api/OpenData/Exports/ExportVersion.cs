using System.Globalization;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// What an export's validators are computed from, read in the export's own snapshot: the catalogue version (service
/// names, and whether a jurisdiction publishes case ids, show in every row), how many reports it holds, the highest
/// id and the newest public change among them. A new, changed, released or erased report moves the newest change;
/// one leaving public view (hidden, its service made private) lowers the count or changes the catalogue version.
/// Only public reports are counted, so a held report does not show as a changed validator (ADR 15).
/// </summary>
public sealed record ExportVersion(long CatalogVersion, long Count, long HighestId, DateTimeOffset? NewestChange)
{
    /// <summary>Weak: it names the content, not the bytes, which differ between the gzip and the plain answer.</summary>
    public string ETag => string.Create(CultureInfo.InvariantCulture,
        $"W/\"{CatalogVersion:x}-{Count:x}-{HighestId:x}-{NewestChange?.UtcTicks ?? 0:x}\"");

    /// <summary>The newest public change, to the second as HTTP dates go; null for an empty export.</summary>
    public DateTimeOffset? LastModified => NewestChange is { } newest
        ? new DateTimeOffset(newest.UtcTicks - newest.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero)
        : null;
}
