namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>The issues one poll found changed, and the latest change time among them (the next poll's cursor).</summary>
public sealed record RedmineChangedIssues(IReadOnlyList<RedmineIssue> Issues, DateTimeOffset? Latest);
