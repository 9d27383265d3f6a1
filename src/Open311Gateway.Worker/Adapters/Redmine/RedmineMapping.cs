using System.Text.Encodings.Web;
using System.Text.Json;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>The JSON bodies the adapter sends: a new issue, and a note on one.</summary>
public static class RedmineMapping
{
    // Umlauts stay as they are instead of \u escapes; the body is served as application/json, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"issue":{project_id, tracker_id, category_id, subject, description, custom_fields}}</c> for <c>POST /issues.json</c>.</summary>
    public static byte[] NewIssue(ServiceRequestSubmitted m, RedmineTarget target) => Write(w =>
    {
        w.WriteString("project_id", target.Project);
        if (target.TrackerId is { } tracker) w.WriteNumber("tracker_id", tracker);
        if (target.CategoryId is { } category) w.WriteNumber("category_id", category);
        w.WriteString("subject", RedmineIssueText.Subject(m));
        w.WriteString("description", RedmineIssueText.Description(m));
        w.WriteStartArray("custom_fields");
        CustomField(w, target.OurIdField, RedmineOurId.Format(m.JurisdictionId, m.ServiceRequestId));
        if (target.LatitudeField is { } latitudeField && m.Latitude is { } latitude)
            CustomField(w, latitudeField, RedmineIssueText.Number(latitude));
        if (target.LongitudeField is { } longitudeField && m.Longitude is { } longitude)
            CustomField(w, longitudeField, RedmineIssueText.Number(longitude));
        if (target.EastingField is { } eastingField && m.Easting is { } easting)
            CustomField(w, eastingField, RedmineIssueText.Metres(easting));
        if (target.NorthingField is { } northingField && m.Northing is { } northing)
            CustomField(w, northingField, RedmineIssueText.Metres(northing));
        w.WriteEndArray();
    });

    /// <summary><c>{"issue":{"notes":…}}</c> for <c>PUT /issues/{id}.json</c>: a public note, nothing else changed.</summary>
    public static byte[] FollowUpNote(CitizenUpdateSubmitted m) => Write(w => w.WriteString("notes", RedmineIssueText.FollowUpNote(m)));

    private static void CustomField(Utf8JsonWriter w, int id, string value)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("value", value);
        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> issue)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("issue");
            issue(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
