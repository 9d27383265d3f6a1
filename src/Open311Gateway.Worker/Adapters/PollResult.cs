using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Worker.Adapters;

/// <summary>What one poll read from a back office.</summary>
public sealed record PollResult(
    bool Succeeded,
    string? Error,
    string? Cursor,
    IReadOnlyList<BackOfficeStatusChange> Changes,
    IReadOnlyList<PolledCase> ResolvedCases)
{
    public static PollResult Failed(string error, string? cursor) => new(false, error, cursor, [], []);

    public static PollResult Read(string? cursor, IReadOnlyList<BackOfficeStatusChange> changes, IReadOnlyList<PolledCase>? resolved = null) =>
        new(true, null, cursor, changes, resolved ?? []);
}
