using System.Globalization;
using System.Text;

namespace Open311Gateway.Bench.Results;

/// <summary>The runs as a Markdown table, the form the README keeps.</summary>
public static class ResultTable
{
    public static string Render(string adapter, IEnumerable<RunResult> runs, int? highestSustained)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"adapter {adapter}; latency in ms from POST sent to the back office having the report");
        text.AppendLine("| rate offered /s | accepted /s | delivered | p50 | p95 | p99 | POST p50 | outbox wait p50 / p99 | broker→back office p50 / p99 | sustained |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in runs)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.TargetRate} | {r.AcceptedRate:0} | {r.Delivered}/{r.Accepted} | {r.EndToEnd.P50:0} | {r.EndToEnd.P95:0} | {r.EndToEnd.P99:0} | " +
                $"{r.Post.P50:0} | {r.OutboxWait.P50:0} / {r.OutboxWait.P99:0} | {r.BrokerToBackOffice.P50:0} / {r.BrokerToBackOffice.P99:0} | {(r.Sustained ? "yes" : "no")} |");
        text.AppendLine(highestSustained is { } rate ? $"highest sustained rate: {rate} reports/s" : "no rate was sustained");
        text.AppendLine();
        text.AppendLine("CPU while posting, in cores kept busy on average:");
        text.AppendLine("| rate offered /s | " + string.Join(" | ", CpuSample.Parts.Select(p => p.Part)) + " |");
        text.AppendLine("| ---: |" + string.Concat(CpuSample.Parts.Select(_ => " ---: |")));
        foreach (var r in runs)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.TargetRate} | {string.Join(" | ", CpuSample.Parts.Select(p => r.CoresBusy[p.Part].ToString("0.00", CultureInfo.InvariantCulture)))} |");
        return text.ToString();
    }
}
