namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>Settings of the upstream Open311 adapter; configuration section <c>Adapters:Open311</c>.</summary>
public sealed class Open311UpstreamOptions
{
    public const string Section = "Adapters:Open311";

    /// <summary>
    /// The upstream's API keys by our jurisdiction id (<c>Adapters:Open311:ApiKeys:&lt;jurisdiction id&gt;</c>): the key the
    /// upstream gave this gateway as a client app. Configuration only, never the catalogue. A POST for a jurisdiction
    /// without one cannot be sent and goes to the error queue; polls need none (every GeoReport v2 GET is public).
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one exchange with the upstream may take, answer included, in seconds. A timeout is a failed attempt.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Look for an earlier copy (our marker) before every POST, not only when the attempt may repeat. The API can send
    /// the same first attempt twice (it died between the broker's confirm and its commit), and that copy looks like a
    /// first try; the lookup costs one GET per report. False: look only when <see cref="AttemptContext.MayRepeat"/>.
    /// </summary>
    public bool LookUpBeforeFirstAttempts { get; set; } = true;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The key for a jurisdiction, or null when none is configured.</summary>
    public string? ApiKeyFor(string jurisdictionId) =>
        ApiKeys.FirstOrDefault(k => string.Equals(k.Key, jurisdictionId, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } key
            ? key
            : null;
}
