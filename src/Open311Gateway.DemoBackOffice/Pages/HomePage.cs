using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Open311Gateway.DemoBackOffice.Admin;
using Open311Gateway.DemoBackOffice.Gateway;
using Open311Gateway.DemoBackOffice.Received;
using static Open311Gateway.DemoBackOffice.Pages.Html;

namespace Open311Gateway.DemoBackOffice.Pages;

/// <summary><c>GET /</c>: what arrived, with a status form per report.</summary>
public static class HomePage
{
    public static void MapHomePage(this IEndpointRouteBuilder app) =>
        app.MapGet("/", (HttpContext http, ReceivedStore store, StatusLog log, OutageSwitch outage, IAntiforgery antiforgery) =>
            Results.Content(Render(store, log, outage, antiforgery.GetAndStoreTokens(http)), "text/html; charset=utf-8"));

    private static string Render(ReceivedStore store, StatusLog log, OutageSwitch outage, AntiforgeryTokenSet tokens)
    {
        var items = store.Items;
        var html = new StringBuilder("""
            <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Demo-Fachverfahren</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:.5em 0}
            td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
            section{border:1px solid #999;padding:1em;margin:1em 0}.warn{color:#b00}</style></head><body>
            <h1>Demo-Fachverfahren (Back Office)</h1>
            <p><a href="/inbox">Demo-Postfach</a>: die Mails des E-Mail-Adapters, mit ihren Statuslinks.</p>
            """);
        html.Append(outage.FailWith is { } failWith
            ? $"<p class=\"warn\">Simulierte Störung: jeder Webhook wird mit HTTP {failWith} beantwortet (<code>POST /admin/recover</code> beendet sie).</p>"
            : "<p>Betriebsbereit. Störung simulieren: <code>POST /admin/fail?status=503</code>.</p>");
        html.Append($"<p>{items.Count(i => i.Type == "service_request")} Meldungen, {items.Count(i => i.Type == "citizen_update")} Nachträge, {store.Duplicates} doppelt zugestellt (nicht erneut gespeichert).</p>");

        AppendStatusLog(html, log);
        foreach (var item in items.Reverse())
            AppendItem(html, item, tokens);
        return html.Append("</body></html>").ToString();
    }

    private static void AppendStatusLog(StringBuilder html, StatusLog log)
    {
        var sent = log.Newest;
        if (sent.Count == 0) return;
        html.Append("<h2>Zurückgemeldete Status</h2><table><tr><th>Zeit</th><th>Meldung</th><th>Status</th><th>Antwort des Gateways</th></tr>");
        foreach (var s in sent)
            html.Append($"<tr><td>{E(s.SentAt.ToString("u"))}</td><td>{E(s.ServiceRequestId)}</td><td>{E(s.Status)}</td><td>{E(s.AnswerStatus?.ToString() ?? "—")} {E(s.Answer)}</td></tr>");
        html.Append("</table>");
    }

    private static void AppendItem(StringBuilder html, ReceivedItem item, AntiforgeryTokenSet tokens)
    {
        var title = item.Type == "service_request" ? "Meldung" : "Nachtrag";
        html.Append($"<section><h2>{title} {E(item.CaseId ?? $"#{item.Number}")}</h2>");
        html.Append($"<p>Empfangen {E(item.ReceivedAt.ToString("u"))}, Zustellung {E(item.DeliveryId)}, Versuch {E(item.Attempt)}, Idempotency-Key {E(item.IdempotencyKey)}, Wiederholungen {item.Duplicates}</p><table>");
        foreach (var (field, value) in Fields(item.Body))
            html.Append($"<tr><th>{E(field)}</th><td>{E(value)}</td></tr>");
        html.Append("</table>");
        if (item.Type == "service_request" && item.ServiceRequestId is { } id)
            AppendStatusForm(html, id, tokens);
        html.Append("</section>");
    }

    private static void AppendStatusForm(StringBuilder html, string serviceRequestId, AntiforgeryTokenSet tokens)
    {
        html.Append($"<form method=\"post\" action=\"/reports/{E(Uri.EscapeDataString(serviceRequestId))}/status\">");
        html.Append($"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">");
        html.Append("<label>Status <select name=\"status\">");
        foreach (var status in StatusCodes311.All) html.Append($"<option>{status}</option>");
        html.Append("</select></label> <label>Hinweis <input name=\"status_notes\" size=\"40\"></label> ");
        html.Append("<label>Zuständig <input name=\"agency_responsible\" value=\"Tiefbauamt\"></label> ");
        html.Append("<button>Status an Gateway senden</button></form>");
    }
}
