using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Open311Gateway.Api.ApiKeys;

/// <summary>
/// A client app's key: <c>o311_{keyId}_{secret}</c>. The key id finds the row; only a SHA-256 of the
/// secret is stored. The secret has 256 random bits, so a plain hash suffices (no password stretching).
/// </summary>
public sealed record ApiKey(string KeyId, string Secret)
{
    private const string Prefix = "o311_";

    public override string ToString() => $"{Prefix}{KeyId}_{Secret}";

    public static ApiKey CreateRandom() => new(
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
        Base64Url(RandomNumberGenerator.GetBytes(32)));

    public static bool TryParse(string? text, [NotNullWhen(true)] out ApiKey? key)
    {
        key = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = text[Prefix.Length..];
        var separator = rest.IndexOf('_');
        if (separator is <= 0 or > 32 || separator == rest.Length - 1) return false;
        // Key ids are hex (CreateRandom); anything else, such as a NUL the database cannot take, is no key.
        if (!rest[..separator].All(char.IsAsciiLetterOrDigit)) return false;
        key = new ApiKey(rest[..separator], rest[(separator + 1)..]);
        return true;
    }

    public byte[] SecretHash() => SHA256.HashData(Encoding.UTF8.GetBytes(Secret));

    /// <summary>
    /// Compares this key's secret with a stored hash in constant time. Without a stored hash (unknown key id)
    /// a dummy is compared, so that a miss costs the same as a wrong secret.
    /// </summary>
    public bool Matches(byte[]? storedHash) => CryptographicOperations.FixedTimeEquals(SecretHash(), storedHash ?? NoSuchSecret);

    /// <summary>The key id of a whole key, or the text itself when it is already a key id (for revoking).</summary>
    public static string KeyIdOf(string keyIdOrKey) => TryParse(keyIdOrKey, out var key) ? key.KeyId : keyIdOrKey.Trim();

    private static readonly byte[] NoSuchSecret = new byte[32];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
