using System.Security.Cryptography;
using System.Text;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>An upstream's request, as read by a poll, turned into the status change it means for our report.</summary>
public static class Open311StatusMapping
{
    public const string UpdateIdPrefix = "open311:";

    /// <summary>
    /// The change, or null when there is nothing worth recording: no id or status, or the request still as it was filed
    /// (open, no notes, not updated since it was requested), which our report already shows.
    /// </summary>
    /// <param name="ourId">Our report's id, where the poll knows which report the upstream id belongs to.</param>
    /// <param name="fallbackTime">When the upstream dates neither the update nor the request.</param>
    public static BackOfficeStatusChange? Change(UpstreamItem item, DeliveryRoute route, string? ourId, DateTimeOffset fallbackTime)
    {
        if (item["service_request_id"] is not { } upstreamId) return null;
        var status = item["status"];
        // CitySDK and Klarschiff name their finer states in extended_attributes.detailed_status.
        var detailed = item["extended_attributes.detailed_status"] ?? item["detailed_status"];
        var external = detailed ?? status;
        if (external is null) return null;
        var notes = item["status_notes"];
        var agency = item["agency_responsible"];
        var updatedText = item["updated_datetime"];
        var requestedText = item["requested_datetime"];
        var mapped = Map(route.StatusMap, detailed, status);

        var untouched = notes is null && (updatedText is null || updatedText == requestedText) && (mapped is null or "OPEN");
        if (untouched) return null;

        var changedAt = Open311Times.TryParse(updatedText, route.TimeZone, out var updated) ? updated
            : Open311Times.TryParse(requestedText, route.TimeZone, out var requested) ? requested
            : fallbackTime;
        return new BackOfficeStatusChange
        {
            ServiceRequestId = ourId,
            ExternalCaseId = upstreamId,
            // The same upstream state read twice is the same change: the API records it once.
            UpdateId = $"{UpdateIdPrefix}{upstreamId}:{Fingerprint(external, status, notes, agency, updatedText)}",
            Status = mapped,
            ExternalStatus = external,
            StatusNotes = notes,
            AgencyResponsible = agency,
            // In UTC: the API stores it as it comes, and PostgreSQL's timestamptz takes only offset 0 from Npgsql.
            ChangedAt = changedAt.ToUniversalTime(),
        };
    }

    /// <summary>
    /// The catalogue's <c>statuses:</c> decide (the detailed status first, then the core one); unmapped, the core
    /// statuses mean what they say: open → OPEN, closed → CLOSED. Null when neither helps.
    /// </summary>
    public static string? Map(IReadOnlyDictionary<string, string>? statusMap, string? detailed, string? status)
    {
        foreach (var name in (string?[])[detailed, status])
            if (name is not null && statusMap?.FirstOrDefault(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } ours)
                return ours;
        return status?.ToLowerInvariant() switch
        {
            "open" => "OPEN",
            "closed" => "CLOSED",
            _ => null,
        };
    }

    private static string Fingerprint(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts.Select(p => p ?? "")))))[..16];
}
