namespace Open311Gateway.Api.StatusLinks;

/// <summary>One HMAC key for status links.</summary>
public sealed class StatusLinkKey
{
    /// <summary>Short name carried in each link (letters, digits, '-'), so a rotated key's links find their key.</summary>
    public string Id { get; set; } = "";
    /// <summary>At least 32 characters; from a secret store, never the catalogue.</summary>
    public string Secret { get; set; } = "";
    /// <summary>Links signed with this key stop working after this instant; null: no end (the current key).</summary>
    public DateTimeOffset? AcceptUntil { get; set; }
}
