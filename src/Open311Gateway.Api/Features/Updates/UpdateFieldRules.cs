using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Statuses;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Updates;

/// <summary>Checks shared by client apps' follow-ups and back offices' status updates.</summary>
public static class UpdateFieldRules
{
    public const int MaxUpdateIdLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxMediaUrlLength = 2048;

    /// <summary>
    /// How far a sender's updated_datetime may lie ahead of our clock: clocks drift by seconds to minutes. Much
    /// further, and the time is wrong; as the newest time it would also sort every later update before it.
    /// </summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The sender's own id for the update: required, trimmed, at most 200 characters.</summary>
    public static string? UpdateId(string? value, List<string> errors)
    {
        var id = TextRules.Check("update_id", string.IsNullOrWhiteSpace(value) ? null : value.Trim(), MaxUpdateIdLength, errors);
        if (id is null) errors.Add("update_id is required: the sender's own id for this update (at most 200 characters).");
        return id;
    }

    /// <summary>An extended status from the table (specs/statuses.md), in its stored upper-case spelling.</summary>
    public static string? Status(string? value, bool required, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required) errors.Add($"status is required: one of {string.Join(", ", ExtendedStatuses.All)}.");
            return null;
        }
        var status = ExtendedStatuses.Normalize(value);
        if (status is null) errors.Add($"status '{TextRules.Shorten(value)}' is not one of: {string.Join(", ", ExtendedStatuses.All)}.");
        return status;
    }

    public static string? MediaUrl(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var before = errors.Count;
        TextRules.Check("media_url", value, MaxMediaUrlLength, errors);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            errors.Add($"media_url '{TextRules.Shorten(value)}' is not an absolute http(s) URL.");
        return errors.Count == before ? value : null;
    }

    /// <summary>The time, or null after an error when it lies more than <see cref="AllowedClockSkew"/> ahead of <paramref name="now"/>.</summary>
    public static DateTimeOffset? NotInFuture(string name, string text, DateTimeOffset? value, DateTimeOffset now, List<string> errors)
    {
        if (value is null || value <= now + AllowedClockSkew) return value;
        errors.Add($"{name} '{TextRules.Shorten(text)}' lies in the future.");
        return null;
    }

    public static DateTimeOffset? DateTime(string name, string? value, TimeZoneInfo zone, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        // Stored as UTC (Npgsql writes timestamptz only from offset 0); answers convert to the jurisdiction's offset.
        if (Open311DateParser.TryParse(value, zone, out var instant)) return instant.ToUniversalTime();
        errors.Add($"{name} '{TextRules.Shorten(value)}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.");
        return null;
    }
}
