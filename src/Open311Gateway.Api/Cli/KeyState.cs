namespace Open311Gateway.Api.Cli;

/// <summary>How the key listings show whether a key still works.</summary>
public static class KeyState
{
    public static string Of(DateTimeOffset? revokedAt) => revokedAt is { } at ? $"revoked {at:u}" : "active";
}
