using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Open311Gateway.Api.Operator;

/// <summary>
/// The status page's HTML frame. Everything that comes from data goes through <see cref="H"/>; the only style is one
/// inline block carrying the response's CSP nonce, so the policy can forbid every other style, script, font and image.
/// </summary>
public static class OperatorHtml
{
    public static string H(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "–";

    public static string Document(string title, string nonce, string body) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<title>").Append(H(title)).Append("</title>")
        .Append("<style nonce=\"").Append(nonce).Append("\">").Append(Style).Append("</style></head><body>")
        .Append(body)
        .Append("</body></html>")
        .ToString();

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff}
        h1{font-size:1.4rem;margin:0}h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
        header{display:flex;justify-content:space-between;align-items:center;gap:1rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #eaeef2;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:600}
        .bad{color:#b3261e}.muted{color:#57606a}.reason{max-width:28rem;overflow-wrap:anywhere}
        dl.tiles{display:flex;flex-wrap:wrap;gap:.75rem;margin:0}dl.tiles div{border:1px solid #d0d7de;border-radius:6px;padding:.5rem .9rem;min-width:9rem}
        dl.tiles dt{font-size:.8rem;color:#57606a}dl.tiles dd{margin:0;font-size:1.4rem;font-variant-numeric:tabular-nums}
        form.login{max-width:26rem;margin-top:2rem;display:flex;flex-direction:column;gap:.6rem}
        input[type=password]{padding:.45rem;font:inherit}button{padding:.45rem .9rem;font:inherit;cursor:pointer}
        p.message{color:#b3261e;font-weight:600}svg{width:100%;height:auto}svg text{font-size:11px;fill:#57606a}
        .legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}
        .accepted{background:#0969da}.delivered{background:#1a7f37}
        """;
}
