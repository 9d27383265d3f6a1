namespace Open311Gateway.Api.Operator;

/// <summary>A delivery the status page lists: one that ended failed or rejected, or one waiting for its next attempt.</summary>
/// <param name="LastError">The last attempt's reason, as the adapter or the back office gave it (shortened on the page).</param>
public sealed record ProblemDeliveryRow(
    Guid Id, string JurisdictionId, string Adapter, string Kind, long ServiceRequestId, string State, int Attempts,
    int? LastHttpStatus, string? LastError, DateTimeOffset UpdatedAt, DateTimeOffset? NextAttemptAt);
