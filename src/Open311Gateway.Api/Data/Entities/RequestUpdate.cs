namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// Something that happened to a report after it was filed: a status change from the back office
/// (public) or a citizen's follow-up from a client app (forwarded, never published).
/// Its <see cref="Id"/> is the public <c>update_id</c>.
/// </summary>
public class RequestUpdate
{
    public long Id { get; set; }
    public long ServiceRequestId { get; set; }
    public ServiceRequest? ServiceRequest { get; set; }
    public required string Source { get; set; }
    /// <summary>Who sent it (a back-office key id or a client app id): the sender's update ids are unique per sender.</summary>
    public required string Sender { get; set; }
    public required string SenderUpdateId { get; set; }
    /// <summary>Extended status, upper case (IN_PROGRESS, FIXED, REOPEN …); null for a plain comment.</summary>
    public string? Status { get; set; }
    public string? Description { get; set; }
    public string? MediaUrl { get; set; }
    public string? AgencyResponsible { get; set; }
    public DateTimeOffset? ExpectedAt { get; set; }
    /// <summary>When it happened, as the sender says.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    // A citizen's personal data, erased with the report's or on request (specs/privacy.md).
    public string? Email { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? AccountId { get; set; }
}
