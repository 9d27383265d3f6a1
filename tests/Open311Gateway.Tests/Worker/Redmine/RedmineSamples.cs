using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Tests.Worker.Redmine;

public static class RedmineSamples
{
    /// <summary>Redmine under a path, as many municipalities run it behind their web server.</summary>
    public const string Endpoint = "https://redmine.musterstadt.example/redmine";
    public const string ApiKey = "redmine-key-musterstadt";
    public const string OurId = WorkerTestServices.Jurisdiction + "/4711";

    public static readonly IReadOnlyDictionary<string, string> StatusMap = new Dictionary<string, string>
    {
        ["New"] = "OPEN",
        ["In Progress"] = "IN_PROGRESS",
        ["resolved"] = "FIXED",
        ["5"] = "CLOSED",
    };

    public static DeliveryRoute Route() => new()
    {
        Adapter = AdapterKinds.Redmine,
        Endpoint = Endpoint,
        JurisdictionId = WorkerTestServices.Jurisdiction,
        ExternalServiceCode = "STR-042",
        TimeZone = "Europe/Berlin",
        RouteKey = WorkerTestServices.Jurisdiction,
        Settings = new Dictionary<string, string>
        {
            ["project"] = "maengel",
            ["tracker_id"] = "3",
            ["category_id"] = "7",
            ["our_id_field"] = "11",
            ["latitude_field"] = "12",
            ["longitude_field"] = "13",
            ["easting_field"] = "14",
            ["northing_field"] = "15",
        },
        StatusMap = StatusMap,
        AttributeCodes = new Dictionary<string, string> { ["groesse"] = "GROESSE_KLASSE" },
    };

    public static ServiceRequestSubmitted Report() => SampleMessages.Report(AdapterKinds.Redmine) with { Route = Route() };

    public static CitizenUpdateSubmitted FollowUp() => SampleMessages.FollowUp() with { Route = Route(), ExternalCaseId = "501" };

    public static StatusPollRequested Poll(string? cursor) => new()
    {
        PollId = Guid.NewGuid(),
        Route = Route(),
        Cursor = cursor,
        RequestedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 12, 1, 10, 5, 0, TimeSpan.Zero),
    };

    public const string Statuses = """
        {"issue_statuses":[{"id":1,"name":"New","is_closed":false},{"id":2,"name":"In Progress","is_closed":false},
        {"id":3,"name":"Resolved","is_closed":false},{"id":4,"name":"Feedback","is_closed":false},
        {"id":5,"name":"Closed","is_closed":true},{"id":6,"name":"Rejected","is_closed":true}]}
        """;

    /// <summary>An issue as Redmine writes it, with our id in field 11 and optionally journals (JSON array text).</summary>
    public static string Issue(int id, string? ourId = OurId, int statusId = 1, string updatedOn = "2026-12-01T09:00:00Z", string? journals = null)
    {
        var status = statusId switch { 1 => "New", 2 => "In Progress", 3 => "Resolved", 5 => "Closed", _ => "Feedback" };
        var value = ourId is null ? "null" : $"\"{ourId}\"";
        var journalPart = journals is null ? "" : $",\"journals\":{journals}";
        return $$"""
            {"id":{{id}},"project":{"id":1,"name":"Mängelmelder"},"tracker":{"id":3,"name":"Support"},
             "status":{"id":{{statusId}},"name":"{{status}}","is_closed":false},"subject":"Schlagloch","description":"…",
             "custom_fields":[{"id":11,"name":"Open311 ID","value":{{value}}},{"id":12,"name":"Open311 latitude","value":"51.96236"}],
             "created_on":"2026-12-01T08:00:00Z","updated_on":"{{updatedOn}}"{{journalPart}}}
            """;
    }

    public static string IssueList(params string[] issues) =>
        $$"""{"issues":[{{string.Join(",", issues)}}],"total_count":{{issues.Length}},"offset":0,"limit":100}""";

    public static string Journal(int id, string? notes = null, bool privateNotes = false, (int Old, int New)? status = null, string createdOn = "2026-12-01T09:00:00Z")
    {
        var details = status is { } s
            ? $$"""[{"property":"attr","name":"status_id","old_value":"{{s.Old}}","new_value":"{{s.New}}"}]"""
            : "[]";
        var notesJson = notes is null ? "null" : System.Text.Json.JsonSerializer.Serialize(notes);
        return $$"""
            {"id":{{id}},"user":{"id":5,"name":"Sachbearbeitung Bauhof"},"notes":{{notesJson}},"created_on":"{{createdOn}}",
             "private_notes":{{(privateNotes ? "true" : "false")}},"details":{{details}}}
            """;
    }
}
