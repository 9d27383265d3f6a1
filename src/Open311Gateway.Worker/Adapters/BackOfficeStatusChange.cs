namespace Open311Gateway.Worker.Adapters;

/// <summary>One status change read from a pull-based back office (see <see cref="IStatusSource"/>).</summary>
/// <param name="ServiceRequestId">Our id of the report.</param>
/// <param name="ExternalCaseId">The back office's case id, if it has one.</param>
/// <param name="UpdateId">The back office's id of this change: the idempotency key when it is recorded.</param>
/// <param name="Status">An extended status such as IN_PROGRESS or FIXED.</param>
public sealed record BackOfficeStatusChange(
    string ServiceRequestId,
    string? ExternalCaseId,
    string UpdateId,
    string Status,
    string? StatusNotes,
    string? AgencyResponsible,
    DateTimeOffset ChangedAt);
