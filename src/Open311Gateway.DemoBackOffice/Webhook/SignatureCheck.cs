using System.Security.Cryptography;
using System.Text;

namespace Open311Gateway.DemoBackOffice.Webhook;

/// <summary>Verifies <c>X-Open311-Signature</c> the way specs/webhook.md tells every back office to.</summary>
public static class SignatureCheck
{
    public static bool Matches(string secret, byte[] body, string? header)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(header)) return false;
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        // Constant time, so the comparison does not tell an attacker how many leading characters were right.
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant()));
    }
}
