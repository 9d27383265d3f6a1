using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters;

/// <summary>What a back office made of one forwarded message.</summary>
/// <param name="Outcome">Delivered, Rejected (for good) or Failed (may work later).</param>
/// <param name="HttpStatus">The back office's HTTP status, where there was one.</param>
/// <param name="ExternalCaseId">The back office's case id, when it answered with one.</param>
/// <param name="Detail">Why it was rejected or failed, short, for operators.</param>
public sealed record AdapterResult(
    DeliveryOutcome Outcome,
    int? HttpStatus = null,
    string? ExternalCaseId = null,
    string? Detail = null);
