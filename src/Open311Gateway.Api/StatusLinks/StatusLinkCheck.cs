namespace Open311Gateway.Api.StatusLinks;

/// <summary>What a status-link token is worth: valid (with its status), expired, or not a token of ours for this report.</summary>
public sealed record StatusLinkCheck(StatusLinkVerdict Verdict, string? Status, DateTimeOffset? ExpiresAt)
{
    public static StatusLinkCheck Invalid { get; } = new(StatusLinkVerdict.Invalid, null, null);

    public static StatusLinkCheck Valid(string status, DateTimeOffset expiresAt) => new(StatusLinkVerdict.Valid, status, expiresAt);

    public static StatusLinkCheck Expired(string status, DateTimeOffset expiresAt) => new(StatusLinkVerdict.Expired, status, expiresAt);
}

public enum StatusLinkVerdict
{
    Valid,
    /// <summary>Past its expiry, or signed with a key whose grace period ended.</summary>
    Expired,
    /// <summary>Forged, mangled, or another report's.</summary>
    Invalid,
}
