using System.Text;
using Open311Gateway.Api.Deliveries.Operations;
using static Open311Gateway.Api.Operator.OperatorHtml;

namespace Open311Gateway.Api.Operator;

/// <summary>
/// The operator's status page. Every number sits in an element with a <c>data-</c> attribute naming it, so the browser
/// test reads exactly what a person sees.
/// </summary>
public static class StatusPage
{
    private const int ReasonLength = 240;

    public static string Render(OperatorStatus status, string holderName, string nonce, string antiforgeryField, string antiforgeryToken)
    {
        var html = new StringBuilder()
            .Append("<header><h1>Open311 Gateway · operator status</h1>")
            .Append("<form method=\"post\" action=\"").Append(OperatorPaths.Logout).Append("\">")
            .Append("<span class=\"muted\">").Append(H(holderName)).Append(" · ").Append(Time(status.At)).Append("</span> ")
            .Append("<input type=\"hidden\" name=\"").Append(H(antiforgeryField)).Append("\" value=\"").Append(H(antiforgeryToken)).Append("\">")
            .Append("<button type=\"submit\">Sign out</button></form></header>");
        Tiles(html, status);
        Chart(html, status);
        Deliveries(html, status.Deliveries);
        Problems(html, "Failures", "failures", status.Failures, retry: false);
        Problems(html, $"Retry queue ({N(status.RetryWaiting)} waiting, the next {OperatorStatusQueries.ListedRows})", "retry-queue", status.RetryQueue, retry: true);
        Outbox(html, status.Outbox);
        RateLimits(html, status);
        return Document("Operator status · Open311 Gateway", nonce, html.ToString());
    }

    private static void Tiles(StringBuilder html, OperatorStatus status)
    {
        var waiting = status.Outbox.Sum(o => o.Waiting);
        var oldest = status.Outbox.Where(o => o.OldestWaitingSince is not null).Select(o => o.OldestWaitingSince).Min();
        var oldestAge = oldest is { } o ? $"{Math.Max(0, (status.At - o).TotalSeconds):0} s" : "–";
        html.Append("<dl class=\"tiles\">")
            .Append(Tile("Reports accepted, 24 h", "accepted-24h", N(status.Hours.Sum(h => h.Accepted))))
            .Append(Tile("Reports delivered, 24 h", "delivered-24h", N(status.Hours.Sum(h => h.Delivered))))
            .Append(Tile("Failed", "failed", N(status.Deliveries.Sum(d => d.Failed))))
            .Append(Tile("Rejected", "rejected", N(status.Deliveries.Sum(d => d.Rejected))))
            .Append(Tile("Retry queue", "retry-wait", N(status.RetryWaiting)))
            .Append(Tile("Outbox backlog", "outbox-waiting", N(waiting)))
            .Append(Tile("Oldest in outbox", "outbox-oldest", oldestAge))
            .Append(Tile("Outbox parked", "outbox-parked", N(status.Outbox.Sum(r => r.Parked))))
            .Append(Tile("Rate-limited (this process)", "rate-limited", N(status.RateLimitRejections.Count)))
            .Append("</dl>");
    }

    private static string Tile(string label, string metric, string value) =>
        $"<div><dt>{H(label)}</dt><dd data-metric=\"{metric}\">{H(value)}</dd></div>";

    private static void Chart(StringBuilder html, OperatorStatus status) => html
        .Append("<h2>Reports per hour, last ").Append(OperatorStatusQueries.ChartHours).Append(" hours (UTC)</h2>")
        .Append("<p class=\"legend muted\"><span class=\"accepted\"></span>accepted<span class=\"delivered\"></span>delivered to the back office</p>")
        .Append(HourlyChart.Render(status.Hours));

    private static void Deliveries(StringBuilder html, IReadOnlyList<DeliveryCountRow> rows)
    {
        html.Append("<h2>Deliveries by jurisdiction and adapter</h2><table data-table=\"deliveries\"><thead><tr><th>jurisdiction</th><th>adapter</th>")
            .Append("<th class=\"n\">in flight</th><th class=\"n\">retry wait</th><th class=\"n\">delivered</th><th class=\"n\">rejected</th><th class=\"n\">failed</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr data-jurisdiction=\"").Append(H(row.JurisdictionId)).Append("\" data-adapter=\"").Append(H(row.Adapter)).Append("\">")
                .Append("<td>").Append(H(row.JurisdictionId)).Append("</td><td>").Append(H(row.Adapter == "" ? "(no route)" : row.Adapter)).Append("</td>");
            Counts(html, row.InFlight, row.RetryWait, row.Delivered, row.Rejected, row.Failed);
            html.Append("</tr>");
        }
        if (rows.Count == 0) html.Append("<tr><td colspan=\"7\" class=\"muted\">No deliveries yet.</td></tr>");
        html.Append("</tbody></table>");
    }

    private static void Counts(StringBuilder html, params int[] counts)
    {
        string[] states = ["in_flight", "retry_wait", "delivered", "rejected", "failed"];
        for (var i = 0; i < counts.Length; i++)
            html.Append("<td class=\"n").Append(i >= 3 && counts[i] > 0 ? " bad" : "").Append("\" data-state=\"").Append(states[i]).Append("\">")
                .Append(N(counts[i])).Append("</td>");
    }

    private static void Problems(StringBuilder html, string title, string table, IReadOnlyList<ProblemDeliveryRow> rows, bool retry)
    {
        html.Append("<h2>").Append(H(title)).Append("</h2><table data-table=\"").Append(table).Append("\"><thead><tr><th>delivery</th><th>jurisdiction</th><th>adapter</th>")
            .Append("<th>report</th><th>state</th><th class=\"n\">attempts</th><th>").Append(retry ? "next attempt" : "since")
            .Append("</th><th>reason</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var reason = (row.LastHttpStatus is { } code ? $"HTTP {code}: " : "") + (row.LastError ?? "");
            html.Append("<tr data-delivery=\"").Append(row.Id).Append("\"><td><code>").Append(row.Id.ToString()[..8]).Append("</code></td>")
                .Append("<td>").Append(H(row.JurisdictionId)).Append("</td><td>").Append(H(row.Adapter)).Append("</td>")
                .Append("<td class=\"n\">").Append(row.ServiceRequestId).Append(row.Kind == "request" ? "" : " (follow-up)").Append("</td>")
                .Append("<td>").Append(H(row.State)).Append("</td><td class=\"n\">").Append(row.Attempts).Append("</td>")
                .Append("<td>").Append(Time(retry ? row.NextAttemptAt : row.UpdatedAt)).Append("</td>")
                .Append("<td class=\"reason\">").Append(H(Shorten(reason))).Append("</td></tr>");
        }
        if (rows.Count == 0) html.Append("<tr><td colspan=\"8\" class=\"muted\">None.</td></tr>");
        html.Append("</tbody></table>");
    }

    private static void Outbox(StringBuilder html, IReadOnlyList<OutboxBacklogRow> rows)
    {
        html.Append("<h2>Outbox backlog</h2><table data-table=\"outbox\"><thead><tr><th>jurisdiction</th><th class=\"n\">waiting</th>")
            .Append("<th>oldest waiting since</th><th class=\"n\">parked</th></tr></thead><tbody>");
        foreach (var row in rows)
            html.Append("<tr data-jurisdiction=\"").Append(H(row.JurisdictionId)).Append("\"><td>")
                .Append(H(row.JurisdictionId == OutboxBacklog.NoJurisdiction ? "(status polls)" : row.JurisdictionId)).Append("</td>")
                .Append("<td class=\"n\" data-count=\"waiting\">").Append(N(row.Waiting)).Append("</td><td>").Append(Time(row.OldestWaitingSince)).Append("</td>")
                .Append("<td class=\"n").Append(row.Parked > 0 ? " bad" : "").Append("\" data-count=\"parked\">").Append(N(row.Parked)).Append("</td></tr>");
        if (rows.Count == 0) html.Append("<tr><td colspan=\"4\" class=\"muted\">Empty: everything was sent.</td></tr>");
        html.Append("</tbody></table><p class=\"muted\">Parked rows: <code>list-parked-outbox</code>, <code>replay-parked-outbox &lt;id|all&gt;</code>.</p>");
    }

    private static void RateLimits(StringBuilder html, OperatorStatus status)
    {
        html.Append("<h2>Recent rate-limit rejections (this process)</h2><table data-table=\"rate-limits\"><thead><tr><th>when</th><th>policy</th>")
            .Append("<th>key id or address</th><th>path</th></tr></thead><tbody>");
        foreach (var r in status.RateLimitRejections.Take(OperatorStatusQueries.ListedRows))
            html.Append("<tr><td>").Append(Time(r.At)).Append("</td><td>").Append(H(r.Policy)).Append("</td><td>").Append(H(r.Partition))
                .Append("</td><td>").Append(H(Shorten(r.Path))).Append("</td></tr>");
        if (status.RateLimitRejections.Count == 0) html.Append("<tr><td colspan=\"4\" class=\"muted\">None since this process started.</td></tr>");
        html.Append("</tbody></table><p class=\"muted\">Each API process limits and records on its own; the metric <code>open311.rate_limit.rejections</code> covers them all.</p>");
    }

    private static string Shorten(string text) => text.Length <= ReasonLength ? text : text[..ReasonLength] + "…";
}
