namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>What looking for an earlier copy found.</summary>
/// <param name="Result">The delivery's result without a POST (found, or the upstream cannot be asked now); null: POST.</param>
/// <param name="NotLookedUp">Why the upstream could not be searched, when it could not; the POST goes ahead regardless.</param>
public sealed record LookupOutcome(AdapterResult? Result, string? NotLookedUp);
