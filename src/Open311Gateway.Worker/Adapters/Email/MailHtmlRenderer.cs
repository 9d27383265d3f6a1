using System.Text;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// The HTML part. Every value is HTML-encoded (citizens write the descriptions and names); only http(s) addresses
/// become links; no scripts, no styles from outside, no images loaded.
/// </summary>
public static class MailHtmlRenderer
{
    public static string Render(MailDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(document.Language)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(document.Subject)).Append("</title></head>\n<body style=\"font-family:sans-serif;max-width:50em\">\n<h1>")
            .Append(E(document.Title)).Append("</h1>\n");
        foreach (var section in document.Sections.Where(s => s.Lines.Count > 0))
        {
            html.Append("<h2>").Append(E(section.Heading)).Append("</h2>\n<table cellpadding=\"4\">\n");
            foreach (var line in section.Lines) Line(html, line);
            html.Append("</table>\n");
        }
        html.Append("<hr><p><small>").Append(E(document.Footer)).Append("</small></p>\n</body></html>\n");
        return html.ToString();
    }

    private static void Line(StringBuilder html, MailLine line)
    {
        html.Append("<tr>");
        if (line.Label is not null) html.Append("<th align=\"left\" valign=\"top\">").Append(E(line.Label)).Append("</th><td>");
        else html.Append("<td colspan=\"2\">");
        var value = line.Block
            ? "<div style=\"white-space:pre-wrap\">" + E(line.Text) + "</div>"
            : E(line.Text);
        html.Append(line.Url is { } url && IsWebAddress(url) ? $"<a href=\"{E(url)}\">{value}</a>" : value);
        if (line.Url is { } shown && !IsWebAddress(shown)) html.Append(" (").Append(E(shown)).Append(')');
        html.Append("</td></tr>\n");
    }

    // A javascript: or data: "photo link" from a hostile app stays text.
    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>
    /// The five characters that matter in element content and double-quoted attributes. Everything else (umlauts,
    /// "+" in phone numbers) stays as written: the part is UTF-8, and readable source helps whoever debugs a mail.
    /// </summary>
    public static string E(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var c in text)
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return encoded.ToString();
    }
}
