using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Open311Gateway.Bench.Load;

/// <summary>
/// Posts reports at a fixed rate, open loop: the n-th POST leaves at n / rate seconds whether or not earlier ones
/// were answered, so a slow gateway shows up as latency and backlog, not as a politely lower rate.
/// </summary>
public sealed class SteadyRateLoad(HttpClient http, BenchOptions options)
{
    /// <summary>More POSTs in flight than this means the gateway no longer keeps up; the rest of the run is not sent.</summary>
    private const int MaxInFlight = 2000;

    public async Task<IReadOnlyList<PostedReport>> RunAsync(int rate, string marker)
    {
        var posted = new ConcurrentBag<PostedReport>();
        var inFlight = new List<Task>();
        var total = (int)(rate * options.Duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var pending = 0;
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds(n / (double)rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            if (Volatile.Read(ref pending) >= MaxInFlight) break;
            Interlocked.Increment(ref pending);
            var i = n;
            inFlight.Add(Task.Run(async () =>
            {
                try { posted.Add(await PostAsync($"{marker} #{i}")); }
                finally { Interlocked.Decrement(ref pending); }
            }));
        }
        await Task.WhenAll(inFlight);
        return posted.ToList();
    }

    private async Task<PostedReport> PostAsync(string description)
    {
        var sentAt = DateTimeOffset.UtcNow;
        try
        {
            using var response = await http.PostAsync($"{options.Api}/open311/v2/requests.json", new FormUrlEncodedContent(
            [
                new("api_key", options.ApiKey), new("jurisdiction_id", options.Jurisdiction), new("service_code", "SCHLAGLOCH"),
                new("lat", "52.5200"), new("long", "13.4050"), new("description", description), new("email", "erika@example.org"),
            ]));
            var body = await response.Content.ReadAsStringAsync();
            var answeredAt = DateTimeOffset.UtcNow;
            if (!response.IsSuccessStatusCode) return new PostedReport(sentAt, answeredAt, null);
            using var json = JsonDocument.Parse(body);
            return new PostedReport(sentAt, answeredAt, json.RootElement[0].GetProperty("service_request_id").GetString());
        }
        catch (HttpRequestException)
        {
            return new PostedReport(sentAt, DateTimeOffset.UtcNow, null);
        }
    }
}
