using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Features.Updates;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.BackOffice;

/// <summary>
/// Checks a back office's status update (specs/backoffice-api.md) and reports every problem at once.
/// Unknown fields are ignored, so a back office may send more than we read (such as external_status_code).
/// </summary>
public static partial class BackOfficeUpdateValidator
{
    public const int MaxAgencyLength = 200;

    // A sender's clock may run a little ahead; much further, and one wrong date would freeze the report's
    // state, since every later update would look older than it.
    public static readonly TimeSpan AllowedClockSkew = UpdateFieldRules.AllowedClockSkew;

    public static (BackOfficeUpdate? Update, List<string> Errors) Validate(JObject body, TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new List<string>();
        // Back offices often number their events: an integer update_id is taken as its digits.
        var updateId = Required(body, "update_id", errors, text => UpdateFieldRules.UpdateId(text, errors), allowInteger: true);
        var status = Required(body, "status", errors, text => UpdateFieldRules.Status(text, required: true, errors));
        var notes = TextRules.Check("status_notes", Text(body, "status_notes", errors), UpdateFieldRules.MaxDescriptionLength, errors);
        var agency = TextRules.Check("agency_responsible", Text(body, "agency_responsible", errors), MaxAgencyLength, errors);
        var expectedAt = UpdateFieldRules.DateTime("expected_datetime", Text(body, "expected_datetime", errors), zone, errors);
        var updatedAt = UpdatedAt(Text(body, "updated_datetime", errors), zone, now, errors);
        var mediaUrl = UpdateFieldRules.MediaUrl(Text(body, "media_url", errors), errors);

        if (errors.Count > 0) return (null, errors);
        return (new BackOfficeUpdate(updateId!, status!, notes, agency, expectedAt, updatedAt, mediaUrl), errors);
    }

    private static DateTimeOffset? UpdatedAt(string? text, TimeZoneInfo zone, DateTimeOffset now, List<string> errors)
    {
        if (text is null) return null;
        // When it happened decides which update is newest, so it must be an instant, not a wall-clock time.
        if (!WithZone().IsMatch(text.Trim()))
        {
            errors.Add($"updated_datetime '{TextRules.Shorten(text)}' needs a date, a time and a zone, such as 2026-03-01T09:30:00+01:00.");
            return null;
        }
        return UpdateFieldRules.NotInFuture("updated_datetime", text, UpdateFieldRules.DateTime("updated_datetime", text, zone, errors), now, errors);
    }

    // A field of the wrong type is reported once, not also as missing.
    private static string? Required(JObject body, string name, List<string> errors, Func<string?, string?> check, bool allowInteger = false)
    {
        var before = errors.Count;
        var text = Text(body, name, errors, allowInteger);
        return errors.Count > before ? null : check(text);
    }

    /// <summary>A field's text; empty and null count as absent, any other type than a string is an error.</summary>
    private static string? Text(JObject body, string name, List<string> errors, bool allowInteger = false)
    {
        switch (body[name])
        {
            case null or { Type: JTokenType.Null }:
                return null;
            case JValue { Type: JTokenType.String } value:
                var text = (string)value!;
                return string.IsNullOrWhiteSpace(text) ? null : text;
            case JValue { Type: JTokenType.Integer } value when allowInteger:
                return Convert.ToString(value.Value, CultureInfo.InvariantCulture);
            default:
                errors.Add($"{name} must be a string{(allowInteger ? " or an integer" : "")}.");
                return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T.+(?:Z|[+\-]\d{2}:?\d{2})$")]
    private static partial Regex WithZone();
}
