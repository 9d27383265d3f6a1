namespace Open311Gateway.Api.RateLimiting;

/// <summary>
/// Request limits of this process (section <c>RateLimits</c>, ADR 17). Each is a fixed window per partition; a
/// <see cref="WindowLimit.PermitLimit"/> of 0 switches that one off, <see cref="Enabled"/> false all of them.
/// Limits are per process: N replicas let N times as much through, so a global limit belongs in front (the ingress).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>POST requests and servicerequestupdates per API key (partition: the key's id, never the key).</summary>
    public WindowLimit PostPerKey { get; set; } = new(120, 60);

    /// <summary>Every POST under the GeoReport v2 base path per client address, whatever key it carries.</summary>
    public WindowLimit PostPerAddress { get; set; } = new(120, 60);

    /// <summary>GET and HEAD (and anything not named below) per client address: the looser read limit.</summary>
    public WindowLimit GetPerAddress { get; set; } = new(600, 60);

    /// <summary>The back-office API per bearer key id (per address when no well-formed key is sent).</summary>
    public WindowLimit BackOfficePerKey { get; set; } = new(600, 60);

    /// <summary>Status-link pages (GET and the clerk's POST) per client address.</summary>
    public WindowLimit StatusLinksPerAddress { get; set; } = new(60, 60);

    public IEnumerable<(string Name, WindowLimit Limit)> All() =>
    [
        (nameof(PostPerKey), PostPerKey), (nameof(PostPerAddress), PostPerAddress), (nameof(GetPerAddress), GetPerAddress),
        (nameof(BackOfficePerKey), BackOfficePerKey), (nameof(StatusLinksPerAddress), StatusLinksPerAddress),
    ];
}
