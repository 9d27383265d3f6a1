namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>Settings of the Redmine adapter; configuration section <c>Adapters:Redmine</c>.</summary>
public sealed class RedmineOptions
{
    public const string Section = "Adapters:Redmine";

    /// <summary>
    /// The Redmine user's API key by jurisdiction id (<c>Adapters:Redmine:ApiKeys:&lt;jurisdiction id&gt;</c>), sent as
    /// <c>X-Redmine-API-Key</c>. A message for a jurisdiction without one cannot be sent and goes to the error queue.
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one exchange with Redmine may take, in seconds, answer included. A timeout is a failed attempt.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The key for a jurisdiction, or null when none is configured.</summary>
    public string? ApiKeyFor(string jurisdictionId) =>
        ApiKeys.FirstOrDefault(k => string.Equals(k.Key, jurisdictionId, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } key
            ? key
            : null;
}
