using System.Globalization;
using System.Text.Json;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>Reads Redmine's REST answers (issues, journals, statuses, errors). Tolerant of fields it does not need.</summary>
public static class RedmineJson
{
    /// <exception cref="RedmineAnswerException">Not a list of issues.</exception>
    public static IReadOnlyList<RedmineIssue> IssueList(string body) =>
        Read(body, root => root.TryGetProperty("issues", out var issues) && issues.ValueKind == JsonValueKind.Array
            ? issues.EnumerateArray().Select(Issue).ToList()
            : throw new RedmineAnswerException("Redmine's answer has no \"issues\" list."));

    /// <exception cref="RedmineAnswerException">Not an issue.</exception>
    public static RedmineIssue SingleIssue(string body) =>
        Read(body, root => root.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object
            ? Issue(issue)
            : throw new RedmineAnswerException("Redmine's answer has no \"issue\"."));

    /// <summary>Status names by id, from <c>/issue_statuses.json</c>.</summary>
    /// <exception cref="RedmineAnswerException">Not a list of statuses.</exception>
    public static IReadOnlyDictionary<int, string> Statuses(string body) =>
        Read(body, root => root.TryGetProperty("issue_statuses", out var statuses) && statuses.ValueKind == JsonValueKind.Array
            ? statuses.EnumerateArray().ToDictionary(s => Int(s, "id"), s => Text(s, "name") ?? "")
            : throw new RedmineAnswerException("Redmine's answer has no \"issue_statuses\" list."));

    /// <summary>Redmine's validation errors (<c>{"errors":[…]}</c>) joined, or null when the body has none.</summary>
    public static string? Errors(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
                return null;
            var texts = errors.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())
                .Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
            return texts.Count == 0 ? null : string.Join("; ", texts);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Read<T>(string body, Func<JsonElement, T> read)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new RedmineAnswerException("Redmine's answer is not a JSON object.");
            return read(document.RootElement);
        }
        catch (RedmineAnswerException)
        {
            throw;
        }
        // ArgumentException: the same status id twice.
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new RedmineAnswerException($"Redmine's answer is not readable: {e.Message}", e);
        }
    }

    private static RedmineIssue Issue(JsonElement issue)
    {
        var status = issue.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var fields = new Dictionary<int, string?>();
        if (issue.TryGetProperty("custom_fields", out var custom) && custom.ValueKind == JsonValueKind.Array)
            foreach (var field in custom.EnumerateArray())
                fields[Int(field, "id")] = Text(field, "value");
        var journals = issue.TryGetProperty("journals", out var j) && j.ValueKind == JsonValueKind.Array
            ? j.EnumerateArray().Select(Journal).OrderBy(x => x.Id).ToList()
            : [];
        return new RedmineIssue(
            Int(issue, "id"),
            status.ValueKind == JsonValueKind.Object ? Int(status, "id") : 0,
            status.ValueKind == JsonValueKind.Object ? Text(status, "name") : null,
            Time(issue, "updated_on"),
            fields,
            journals);
    }

    private static RedmineJournal Journal(JsonElement journal)
    {
        int? oldStatus = null, newStatus = null;
        if (journal.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            foreach (var detail in details.EnumerateArray())
                if (Text(detail, "property") == "attr" && Text(detail, "name") == "status_id")
                {
                    oldStatus = IntText(Text(detail, "old_value"));
                    newStatus = IntText(Text(detail, "new_value"));
                }
        return new RedmineJournal(
            Int(journal, "id"),
            Text(journal, "notes"),
            journal.TryGetProperty("private_notes", out var p) && p.ValueKind == JsonValueKind.True,
            Time(journal, "created_on"),
            oldStatus,
            newStatus);
    }

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : throw new RedmineAnswerException($"Redmine's answer lacks a numeric \"{name}\".");

    private static int? IntText(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    // Multi-value custom fields come as arrays; the adapter's own fields hold one value, so the first one stands.
    private static string? Text(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()).FirstOrDefault(),
            _ => null,
        };

    private static DateTimeOffset Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new RedmineAnswerException($"Redmine's answer lacks a time \"{name}\".");
}
