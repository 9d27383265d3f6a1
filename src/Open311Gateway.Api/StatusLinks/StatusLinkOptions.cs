namespace Open311Gateway.Api.StatusLinks;

/// <summary>Signed status links in messages a clerk reads (section <c>StatusLinks</c>); see specs/adapters.md.</summary>
public sealed class StatusLinkOptions
{
    public const string Section = "StatusLinks";

    /// <summary>Where clerks reach this gateway, such as https://open311.musterstadt.de; links are minted only when it is set.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long a link works, counted from the report's time.</summary>
    public double ValidityDays { get; set; } = 60;

    /// <summary>
    /// Signing keys, newest first: the first one signs, every listed one verifies until its <see cref="StatusLinkKey.AcceptUntil"/>.
    /// Rotate by putting a new key first and giving the old one an AcceptUntil (the grace period). No keys: no links.
    /// </summary>
    public List<StatusLinkKey> Keys { get; set; } = [];
}
