using System.Text.RegularExpressions;

namespace Open311Gateway.ServiceDefaults.Logging;

/// <summary>
/// What must never reach a log line, removed from every line the console formatter writes (messages, their values,
/// exceptions): query strings (an <c>api_key</c> may ride in one), the token of a status link's path, bearer
/// tokens, the gateway's keys (<c>o311_…</c>), <c>api_key=…</c> and e-mail addresses. Our own log calls name no
/// personal data in the first place (the log leak test checks both); this is the net for text we do not write
/// ourselves, such as ASP.NET Core's "Request starting GET …?api_key=…" and exception messages.
/// </summary>
public static partial class LogRedaction
{
    public const string Redacted = "[redacted]";

    public static string Redact(string text)
    {
        if (text.Length == 0) return text;
        text = QueryString().Replace(text, "?" + Redacted);
        text = StatusLinkToken().Replace(text, "${prefix}" + Redacted);
        text = Bearer().Replace(text, "${scheme} " + Redacted);
        text = ApiKeyField().Replace(text, "${name}" + Redacted);
        text = GatewayKey().Replace(text, "o311_" + Redacted);
        return Email().Replace(text, match => IsMessageId(match.Groups["local"].Value) ? match.Value : "[e-mail]");
    }

    // A '?' at the start (ASP.NET Core's QueryString value) or right after a path or host character: the whole query goes.
    [GeneratedRegex(@"(?:^|(?<=[\w/.\-~%]))\?[^\s""'<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex QueryString();

    [GeneratedRegex(@"(?<prefix>status-links/[^/\s""'<>?]+/)[^/\s""'<>?]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StatusLinkToken();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic))\s+[^\s""',;]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"(?<name>\bapi_key[""']?\s*[:=]\s*[""']?)[^\s""'&,;]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyField();

    [GeneratedRegex(@"\bo311_[A-Za-z0-9_\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex GatewayKey();

    [GeneratedRegex(@"(?<local>[\w.+\-]+)@[\w\-]+(?:\.[\w\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // The e-mail adapter's Message-IDs (a GUID or hex digits before the '@') name a mail, not a person.
    private static bool IsMessageId(string local) =>
        local.Length >= 16 && local.All(c => char.IsAsciiHexDigit(c) || c is '-' or '.');
}
