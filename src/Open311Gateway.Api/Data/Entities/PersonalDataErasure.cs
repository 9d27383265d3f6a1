namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// The audit line of one erasure: when, why and which rows, never whose data (no e-mail address, phone number or name
/// is written here, so the audit itself holds no personal data).
/// </summary>
public class PersonalDataErasure
{
    public long Id { get; set; }
    public DateTimeOffset ErasedAt { get; set; }
    /// <summary><see cref="ErasureReasons.Retention"/> or <see cref="ErasureReasons.Request"/>.</summary>
    public required string Reason { get; set; }
    /// <summary>A request limited to one jurisdiction; null: every jurisdiction (always so for the retention job).</summary>
    public string? JurisdictionId { get; set; }
    /// <summary>The reports whose own personal fields were erased (bigint[]).</summary>
    public List<long> ServiceRequestIds { get; set; } = [];
    /// <summary>The citizens' follow-ups whose personal fields were erased (bigint[]).</summary>
    public List<long> RequestUpdateIds { get; set; } = [];
    public int Deliveries { get; set; }
    public int OutboxMessages { get; set; }
}
