namespace Open311Gateway.Contracts;

/// <summary>
/// A link that sets one status of one report without an account, minted and signed by the API (a worker cannot
/// forge one) for adapters whose messages a clerk reads, such as e-mail. Opening it shows a page to confirm.
/// </summary>
public sealed record StatusLink
{
    /// <summary>The extended status it sets, such as IN_PROGRESS.</summary>
    public required string Status { get; init; }
    /// <summary>What the link says, in the route's language ("Erledigt", "Fixed").</summary>
    public required string Label { get; init; }
    public required string Url { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
