using System.Globalization;

namespace Open311Gateway.Bench;

/// <summary>What to measure, from <c>--name value</c> arguments (deploy/bench/e2e.sh passes them).</summary>
public sealed record BenchOptions(
    string Api,
    string ApiKey,
    string Adapter,
    string Jurisdiction,
    int ReceiverPort,
    string Database,
    IReadOnlyList<int> Rates,
    bool FindHighest,
    TimeSpan Duration)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        return new BenchOptions(
            Get("api").TrimEnd('/'),
            Get("key"),
            Get("adapter"),
            Get("jurisdiction"),
            int.Parse(Get("receiver-port"), CultureInfo.InvariantCulture),
            Get("database"),
            values.GetValueOrDefault("rates", "50,200").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList(),
            values.GetValueOrDefault("find-highest", "true") == "true",
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("duration", "20"), CultureInfo.InvariantCulture)));
    }
}
