namespace Open311Gateway.Contracts;

/// <summary>
/// A citizen's follow-up on an existing report (a comment, a reopen request, a photo), to be forwarded
/// to the back office. <see cref="UpdateId"/> is ours and serves as the idempotency key.
/// </summary>
public sealed record CitizenUpdateSubmitted
{
    public required Guid DeliveryId { get; init; }
    public required int Attempt { get; init; }
    public required DeliveryRoute Route { get; init; }
    public required string UpdateId { get; init; }
    public required string ServiceRequestId { get; init; }
    /// <summary>The back office's case id for the report, when it gave one.</summary>
    public string? ExternalCaseId { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    /// <summary>What the citizen asks for: an extended status such as REOPEN, or null for a plain comment.</summary>
    public string? Status { get; init; }
    public string? Description { get; init; }
    public string? MediaUrl { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? AccountId { get; init; }
    /// <summary>The report's service, so a back office that reads messages (e-mail) can say what the follow-up is about.</summary>
    public string? ServiceCode { get; init; }
    public string? ServiceName { get; init; }
}
