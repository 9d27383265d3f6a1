using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Open311Gateway.DemoBackOffice.Inbox;
using static Open311Gateway.DemoBackOffice.Pages.Html;

namespace Open311Gateway.DemoBackOffice.Pages;

/// <summary>
/// <c>GET /inbox</c>: the mails the demo SMTP server received, newest thread first, follow-ups under their report,
/// with the plain part as it arrived and its links (the status links among them) clickable.
/// </summary>
public static partial class InboxPage
{
    public static void MapInboxPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/inbox", (InboxStore inbox, IOptions<DemoBackOfficeOptions> options) =>
            Results.Content(Render(inbox.Mails, options.Value.Smtp), "text/html; charset=utf-8"));

    private static string Render(IReadOnlyList<InboxMail> mails, DemoSmtpOptions smtp)
    {
        var html = new StringBuilder("""
            <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Demo-Postfach</title>
            <style>body{font-family:sans-serif;margin:2em}article{border:1px solid #999;padding:.5em 1em;margin:1em 0}
            article.reply{margin-left:3em;border-color:#ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}
            dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}dt{font-weight:bold}.warn{color:#b00}</style></head><body>
            <p><a href="/">← Demo-Fachverfahren</a></p><h1>Demo-Postfach (E-Mail-Adapter)</h1>
            """);
        html.Append($"<p>SMTP-Server: {(smtp.Enabled ? $"{E(smtp.Host)}:{smtp.Port}" : "aus")}. {mails.Count} Mails empfangen, ")
            .Append($"{mails.Count(m => m.Copy > 0)} davon doppelt (gleiche Message-ID). Die Statuslinks öffnen die Bestätigungsseite des Gateways.</p>");
        foreach (var thread in mails.GroupBy(m => m.ThreadId).OrderByDescending(t => t.Max(m => m.Number)))
            foreach (var mail in thread.OrderBy(m => m.Number))
                AppendMail(html, mail);
        return html.Append("</body></html>").ToString();
    }

    private static void AppendMail(StringBuilder html, InboxMail mail)
    {
        html.Append(mail.InReplyTo is null ? "<article>" : "<article class=\"reply\">");
        html.Append($"<h2>{E(mail.Subject)}</h2><dl>");
        Row(html, "Empfangen", mail.ReceivedAt.ToString("u"));
        Row(html, "Von", mail.From);
        Row(html, "An", mail.To);
        Row(html, "Umschlag", $"{mail.EnvelopeFrom} → {string.Join(", ", mail.EnvelopeTo)}");
        Row(html, "Message-ID", $"<{mail.MessageId}>");
        if (mail.InReplyTo is { } inReplyTo) Row(html, "Antwort auf", $"<{inReplyTo}>");
        if (mail.References.Count > 0) Row(html, "References", string.Join(" ", mail.References.Select(r => $"<{r}>")));
        html.Append("</dl>");
        if (mail.Copy > 0) html.Append($"<p class=\"warn\">Dieselbe Mail zum {mail.Copy + 1}. Mal erhalten (gleiche Message-ID).</p>");
        html.Append("<pre>").Append(Linkify(mail.PlainBody)).Append("</pre></article>");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append($"<dt>{E(name)}</dt><dd>{E(value)}</dd>");

    // Everything encoded; http(s) addresses then made links. The mail comes from outside, so nothing else is trusted.
    private static string Linkify(string text)
    {
        var html = new StringBuilder();
        var last = 0;
        foreach (Match url in WebAddress().Matches(text))
        {
            html.Append(E(text[last..url.Index]));
            html.Append($"<a href=\"{E(url.Value)}\" rel=\"noreferrer\">{E(url.Value)}</a>");
            last = url.Index + url.Length;
        }
        return html.Append(E(text[last..])).ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex WebAddress();
}
