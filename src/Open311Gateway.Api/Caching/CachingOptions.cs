using System.ComponentModel.DataAnnotations;

namespace Open311Gateway.Api.Caching;

/// <summary>Settings of the in-memory catalogue and API-key caches (section <c>Caching</c>, ADR 22).</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>
    /// How often the listener compares the cached versions with <c>cache_versions</c> when no notification came: the
    /// safety net for a notification lost with a dropped connection. At most a second, the freshness the issue promises.
    /// </summary>
    [Range(50, 1000)]
    public int VersionCheckMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Compare versions on every use instead of trusting notifications: one small query per use, for tests that change
    /// catalogue rows and read them back at once. Off in production, where a change may take until the notification.
    /// </summary>
    public bool CheckOnEveryUse { get; set; }
}
