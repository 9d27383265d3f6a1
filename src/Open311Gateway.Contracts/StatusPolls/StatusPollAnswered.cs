namespace Open311Gateway.Contracts.StatusPolls;

/// <summary>A worker's answer to a <see cref="StatusPollRequested"/>, sent to the API's outcome queue.</summary>
public sealed record StatusPollAnswered
{
    public required Guid PollId { get; init; }
    public required string JurisdictionId { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
    /// <summary>False when the back office could not be asked; <see cref="Error"/> says why and nothing else counts.</summary>
    public required bool Succeeded { get; init; }
    public string? Error { get; init; }
    /// <summary>Where the next poll starts.</summary>
    public string? Cursor { get; init; }
    /// <summary>Status changes, oldest first.</summary>
    public IReadOnlyList<BackOfficeStatusChange> Changes { get; init; } = [];
    /// <summary>Cases whose id the back office made known only now (an upstream's token resolved to its id).</summary>
    public IReadOnlyList<PolledCase> ResolvedCases { get; init; } = [];
}
