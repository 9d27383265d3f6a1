using System.Globalization;
using System.Net;
using System.Text;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.StatusLinks;

/// <summary>The small HTML pages of status links. Every value is HTML-encoded; no scripts, no external resources.</summary>
public static class StatusLinkPage
{
    public static string Confirm(StatusLinkTexts texts, ServiceRequest report, string status, bool showForm, string? notice)
    {
        var body = new StringBuilder();
        Summary(body, texts, report);
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(texts.NewStatus)}: <strong>{E(texts.LabelOf(status))}</strong></p>");
        if (notice is not null) body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{E(notice)}</p>");
        if (showForm)
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post">
                <label for="note">{E(texts.NoteLabel)}</label><br>
                <textarea id="note" name="note" rows="4" cols="60" maxlength="4000"></textarea><br>
                <small>{E(texts.NoteHint)}</small><br>
                <button type="submit">{E(texts.Confirm)}</button>
                </form>
                """);
        return Document(texts, body.ToString());
    }

    public static string Done(StatusLinkTexts texts, ServiceRequest report, string notice)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\">{E(notice)}</p>");
        Summary(body, texts, report);
        return Document(texts, body.ToString());
    }

    public static string Message(StatusLinkTexts texts, string message) => Document(texts, $"<p class=\"notice\">{E(message)}</p>");

    private static void Summary(StringBuilder body, StatusLinkTexts texts, ServiceRequest report)
    {
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(texts.Report)} <strong>{report.Id}</strong>: {E(report.Service?.Name ?? "")}</p>");
        if (report.AddressString is { Length: > 0 } address) body.Append(CultureInfo.InvariantCulture, $"<p>{E(address)}</p>");
        if (report.Description is { Length: > 0 } description) body.Append(CultureInfo.InvariantCulture, $"<blockquote>{E(description)}</blockquote>");
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(texts.CurrentStatus)}: {E(texts.LabelOf(report.ExtendedStatus))}</p>");
    }

    private static string Document(StatusLinkTexts texts, string body) => $$"""
        <!DOCTYPE html>
        <html lang="{{texts.Language}}"><head><meta charset="utf-8"><meta name="robots" content="noindex">
        <title>{{E(texts.Title)}}</title>
        <style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}.notice{background:#eef;padding:.5em}</style>
        </head><body><h1>{{E(texts.Title)}}</h1>
        {{body}}
        </body></html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
