using System.Security.Cryptography;
using System.Text;

namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>The <c>X-Open311-Signature</c> value: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Open311-Signature";
    public const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
