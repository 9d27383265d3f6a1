namespace Open311Gateway.Contracts.StatusPolls;

/// <summary>One status change read from a back office. The API applies it as it applies a pushed update.</summary>
public sealed record BackOfficeStatusChange
{
    /// <summary>Our id of the report, where the back office keeps it (Redmine's custom field).</summary>
    public string? ServiceRequestId { get; init; }
    /// <summary>The back office's case id, where it names the report by that.</summary>
    public string? ExternalCaseId { get; init; }
    /// <summary>The back office's own id of this change: the same change read twice is recorded once.</summary>
    public required string UpdateId { get; init; }
    /// <summary>Our extended status (IN_PROGRESS, FIXED …) through the route's status map; null when the map has none for it.</summary>
    public string? Status { get; init; }
    /// <summary>The back office's own status name, as it sent it.</summary>
    public string? ExternalStatus { get; init; }
    /// <summary>Public notes only; private notes never travel.</summary>
    public string? StatusNotes { get; init; }
    public string? AgencyResponsible { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
