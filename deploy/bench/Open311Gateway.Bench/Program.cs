// End-to-end latency of the gateway: POST → PostgreSQL → outbox → RabbitMQ → worker → back office.
// Run by deploy/bench/e2e.sh, which starts the API and a worker; see the README's benchmark section.
using Open311Gateway.Bench;
using Open311Gateway.Bench.Load;
using Open311Gateway.Bench.Receivers;
using Open311Gateway.Bench.Results;

var options = BenchOptions.Parse(args);
await using IBenchReceiver receiver = options.Adapter == "email" ? new SmtpReceiver() : new WebhookReceiver();
await receiver.StartAsync(options.ReceiverPort);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };
var load = new SteadyRateLoad(http, options);

// A short warm-up, so JIT and connection pools are not what the first run measures.
await load.RunAsync(20, "bench warm-up");
var runs = new List<RunResult>();
foreach (var rate in options.Rates) runs.Add(await MeasureAsync(rate));
int? highest = runs.Where(r => r.Sustained).Select(r => (int?)r.TargetRate).Max();
if (options.FindHighest)
{
    // Step up from the largest sustained rate until a run no longer keeps up.
    for (var rate = (int)((highest ?? 25) * 1.5); rate <= 5000; rate = (int)(rate * 1.5))
    {
        var run = await MeasureAsync(rate);
        runs.Add(run);
        if (!run.Sustained) break;
        highest = rate;
    }
}
Console.WriteLine(ResultTable.Render(options.Adapter, runs.OrderBy(r => r.TargetRate), highest));
return 0;

async Task<RunResult> MeasureAsync(int rate)
{
    Console.Error.WriteLine($"[bench] {options.Adapter}: {rate} reports/s for {options.Duration.TotalSeconds:0} s");
    var started = DateTimeOffset.UtcNow;
    var cpuBefore = CpuSample.Take();
    var posted = await load.RunAsync(rate, $"bench {options.Adapter} {rate}/s {Guid.NewGuid():N}");
    var cpu = CpuSample.Take().CoresSince(cpuBefore);
    var postingTook = (DateTimeOffset.UtcNow - started).TotalSeconds;
    var accepted = posted.Where(p => p.ServiceRequestId is not null).ToList();
    // Everything accepted must arrive; a minute after the last POST what has not is counted as not delivered.
    var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
    while (DateTimeOffset.UtcNow < deadline && accepted.Any(p => !receiver.Arrivals.TryGet(p.ServiceRequestId!, out _)))
        await Task.Delay(100);
    var stages = await StageTimes.ReadAsync(options.Database, accepted.Select(p => p.ServiceRequestId!).ToList());
    var arrived = accepted.Where(p => receiver.Arrivals.TryGet(p.ServiceRequestId!, out _)).ToList();
    DateTimeOffset Arrival(PostedReport p) { receiver.Arrivals.TryGet(p.ServiceRequestId!, out var at); return at; }
    var staged = arrived.Where(p => stages.ContainsKey(p.ServiceRequestId!)).ToList();
    return new RunResult(
        rate,
        accepted.Count / Math.Max(postingTook, options.Duration.TotalSeconds),
        posted.Count,
        accepted.Count,
        arrived.Count,
        Percentiles.Of(arrived.Select(p => Arrival(p) - p.SentAt).ToList()),
        Percentiles.Of(accepted.Select(p => p.AnsweredAt - p.SentAt).ToList()),
        Percentiles.Of(staged.Select(p => stages[p.ServiceRequestId!].Sent - stages[p.ServiceRequestId!].Written).ToList()),
        Percentiles.Of(staged.Select(p => Arrival(p) - stages[p.ServiceRequestId!].Sent).ToList()),
        cpu);
}
