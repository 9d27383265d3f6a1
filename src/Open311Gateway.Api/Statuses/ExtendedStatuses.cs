using System.Collections.Frozen;

namespace Open311Gateway.Api.Statuses;

/// <summary>
/// FixMyStreet's extended statuses and the GeoReport v2 core status each implies (specs/statuses.md).
/// Back offices speak the extended ones; the public <c>status</c> is always derived, never sent.
/// </summary>
public static class ExtendedStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";

    private static readonly (string Name, string Core)[] Table =
    [
        ("OPEN", Open),
        ("IN_PROGRESS", Open),
        ("ACTION_SCHEDULED", Open),
        ("INVESTIGATING", Open),
        ("INTERNAL_REFERRAL", Open),
        ("REOPEN", Open),
        ("FOR_TRIAGE", Open),
        ("CLOSED", Closed),
        ("FIXED", Closed),
        ("DUPLICATE", Closed),
        ("NOT_COUNCILS_RESPONSIBILITY", Closed),
        ("NO_FURTHER_ACTION", Closed),
        ("CANCELLED", Closed),
    ];

    // Lookups ignore case (back offices send "fixed" as often as "FIXED"); the table's spelling is what is stored.
    private static readonly FrozenDictionary<string, (string Name, string Core)> ByName =
        Table.ToFrozenDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every extended status in the table's order (open ones first), upper case.</summary>
    public static IReadOnlyList<string> All { get; } = Table.Select(s => s.Name).ToList();

    /// <summary>The core status (<c>open</c> or <c>closed</c>) an extended status implies; false when it is not in the table.</summary>
    public static bool TryGetCoreStatus(string? extended, out string core)
    {
        core = extended is not null && ByName.TryGetValue(extended, out var status) ? status.Core : "";
        return core.Length > 0;
    }

    /// <summary>The stored (upper-case) spelling of an extended status; null when it is not in the table.</summary>
    public static string? Normalize(string? extended) =>
        extended is not null && ByName.TryGetValue(extended, out var status) ? status.Name : null;
}
