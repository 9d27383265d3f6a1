namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>Settings of the webhook adapter; configuration section <c>Adapters:Webhook</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Adapters:Webhook";

    /// <summary>
    /// HMAC-SHA256 keys by jurisdiction id (<c>Adapters:Webhook:Secrets:&lt;jurisdiction id&gt;</c>). A message for a
    /// jurisdiction without a key cannot be signed and goes to the error queue.
    /// </summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long to wait for the back office's answer, in seconds. A timeout counts as a failed attempt.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>The secret for a jurisdiction, or null when none is configured.</summary>
    public string? SecretFor(string jurisdictionId) =>
        Secrets.FirstOrDefault(s => string.Equals(s.Key, jurisdictionId, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } secret
            ? secret
            : null;
}
