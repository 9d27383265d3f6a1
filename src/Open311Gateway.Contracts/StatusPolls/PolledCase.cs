namespace Open311Gateway.Contracts.StatusPolls;

/// <summary>One report and the back office's id for it.</summary>
public sealed record PolledCase
{
    public required string ServiceRequestId { get; init; }
    public required string ExternalCaseId { get; init; }
}
