using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Open311Gateway.Api.StatusLinks;

/// <summary>
/// Mints and checks status-link tokens: <c>{key id}.{status}.{expiry, Unix seconds}.{HMAC-SHA256}</c>, the MAC over
/// the report id too, so a token works for its own report only. Deterministic: the same report, status and key give
/// the same token on every attempt, so a resent mail carries the same links.
/// </summary>
public sealed class StatusLinkSigner(IOptionsMonitor<StatusLinkOptions> options)
{
    public bool CanSign => options.CurrentValue.Keys.Count > 0;

    public string Sign(long requestId, string status, DateTimeOffset expiresAt)
    {
        var key = options.CurrentValue.Keys.FirstOrDefault() ?? throw new InvalidOperationException("No status-link signing key is configured.");
        var expiry = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{key.Id}.{status}.{expiry}.{Mac(key, requestId, status, expiry)}";
    }

    public StatusLinkCheck Check(long requestId, string token, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 4 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
            return StatusLinkCheck.Invalid;
        var key = options.CurrentValue.Keys.FirstOrDefault(k => k.Id == parts[0]);
        if (key is null) return StatusLinkCheck.Invalid;
        var expected = Encoding.ASCII.GetBytes(Mac(key, requestId, parts[1], parts[2]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3]))) return StatusLinkCheck.Invalid;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiry);
        if (expiresAt <= now || key.AcceptUntil <= now) return StatusLinkCheck.Expired(parts[1], expiresAt);
        return StatusLinkCheck.Valid(parts[1], expiresAt);
    }

    private static string Mac(StatusLinkKey key, long requestId, string status, string expiry)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"open311-status-link|{requestId}|{status}|{expiry}|{key.Id}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key.Secret), Encoding.UTF8.GetBytes(text));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
