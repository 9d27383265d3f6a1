using System.Globalization;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// Checks a POST's fields against the standard and the service definition and reports every problem
/// at once. Key, jurisdiction and service code are checked before this, by <see cref="RequestIntake"/>.
/// </summary>
public static class SubmissionValidator
{
    public const int MaxDescriptionLength = 4000;
    private const int MaxMediaUrls = 10;

    public static (ValidatedSubmission? Submission, List<string> Errors) Validate(SubmittedFields fields, Service service, TimeZoneInfo zone)
    {
        var errors = new List<string>();
        var (latitude, longitude) = ReadCoordinates(fields, errors);
        var addressString = TextRules.Check("address_string", fields.Single("address_string", errors), 500, errors);
        var addressId = TextRules.Check("address_id", fields.Single("address_id", errors), 200, errors);
        if (latitude is null && longitude is null && addressString is null && addressId is null)
            errors.Add("A location is required: lat and long, address_string or address_id.");

        var description = TextRules.Check("description", fields.Single("description", errors), MaxDescriptionLength, errors);
        var mediaUrls = ReadMediaUrls(fields, errors);
        var email = TextRules.Check("email", fields.Single("email", errors), 254, errors);
        if (email is not null && !EmailAddresses.IsValid(email)) errors.Add($"email '{email}' is not an e-mail address.");
        var phone = TextRules.Check("phone", fields.Single("phone", errors), 50, errors);
        var firstName = TextRules.Check("first_name", fields.Single("first_name", errors), 100, errors);
        var lastName = TextRules.Check("last_name", fields.Single("last_name", errors), 100, errors);
        var deviceId = TextRules.Check("device_id", fields.Single("device_id", errors), 200, errors);
        var accountId = TextRules.Check("account_id", fields.Single("account_id", errors), 200, errors);
        var attributes = AttributeValidator.Validate(fields.Attributes(), service.Attributes, zone, errors);

        if (errors.Count > 0) return (null, errors);
        return (new ValidatedSubmission(latitude, longitude, addressString, addressId, description, mediaUrls, attributes,
            email, phone, firstName, lastName, deviceId, accountId), errors);
    }

    internal static (double? Latitude, double? Longitude) ReadCoordinates(SubmittedFields fields, List<string> errors)
    {
        var lat = ReadCoordinate("lat", fields.Single("lat", errors), 90, errors);
        var lon = ReadCoordinate("long", fields.Single("long", errors), 180, errors);
        var latGiven = fields.All("lat").Count > 0;
        var longGiven = fields.All("long").Count > 0;
        if (latGiven != longGiven) errors.Add("lat and long go together: send both or neither.");
        return (lat, lon);
    }

    private static double? ReadCoordinate(string name, string? text, double limit, List<string> errors)
    {
        if (text is null) return null;
        // The invariant culture parses "NaN" and "Infinity": a coordinate must also be finite.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add($"{name} '{TextRules.Shorten(text)}' is not a WGS84 coordinate in decimal degrees.");
            return null;
        }
        if (Math.Abs(value) > limit)
        {
            errors.Add($"{name} {text} is out of range (-{limit} to {limit}).");
            return null;
        }
        return value;
    }

    private static List<string> ReadMediaUrls(SubmittedFields fields, List<string> errors)
    {
        var urls = fields.All("media_url").Distinct().ToList();
        // One photo per report (ADR 14): more can be linked with media_url, and the body stays within one photo's limit.
        var photos = fields.Photos.Count + fields.ExtraPhotos;
        if (photos > 1) errors.Add($"media was sent {photos} times; a report carries one photo (link more with media_url).");
        if (fields.Photos.Any(p => p.Bytes is null)) errors.Add("media is not base64 text of an image (nor an uploaded file).");
        if (photos == 0 && urls.Count > MaxMediaUrls) errors.Add($"At most {MaxMediaUrls} media_url values are accepted.");
        if (photos > 0 && urls.Count > MaxMediaUrls - 1) errors.Add($"At most {MaxMediaUrls - 1} media_url values are accepted beside a photo.");
        foreach (var url in urls)
        {
            TextRules.Check("media_url", url, 2048, errors);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"media_url '{TextRules.Shorten(url)}' is not an absolute http(s) URL.");
        }
        return urls;
    }
}
