namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>One journal (a change with or without notes) of an issue.</summary>
/// <param name="NewStatusId">The status it set, when it changed <c>status_id</c>; <paramref name="OldStatusId"/> the one before.</param>
public sealed record RedmineJournal(
    int Id,
    string? Notes,
    bool PrivateNotes,
    DateTimeOffset CreatedOn,
    int? OldStatusId,
    int? NewStatusId);
