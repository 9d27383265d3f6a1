using System.Globalization;

namespace Open311Gateway.Bench.Results;

/// <summary>
/// CPU seconds used so far by each part of the system under load, read from /proc (user + system time of every
/// process of the part: .NET programs by their assembly in the command line, servers by their program name).
/// Two samples around a run say where the machine's time went.
/// </summary>
public sealed record CpuSample(DateTimeOffset At, IReadOnlyDictionary<string, double> Seconds)
{
    public static readonly (string Part, string Pattern)[] Parts =
    [
        ("API", "Open311Gateway.Api.dll"), ("PostgreSQL", "(postgres)"), ("RabbitMQ", "(beam.smp)"),
        ("worker", "Open311Gateway.Worker.dll"), ("load+back office", "Open311Gateway.Bench.dll"),
    ];

    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static CpuSample Take()
    {
        var seconds = Parts.ToDictionary(p => p.Part, _ => 0.0);
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // The program name, in parentheses, for servers; the arguments for .NET programs (all named dotnet).
                var name = stat[stat.IndexOf('(')..(stat.LastIndexOf(')') + 1)];
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var match = Parts.FirstOrDefault(p => p.Pattern.StartsWith('(') ? name == p.Pattern : commandLine.Contains(p.Pattern, StringComparison.Ordinal));
                if (match.Part is not { } part) continue;
                // The fields after the program name; utime and stime are the 14th and 15th of the line.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                seconds[part] += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }
        return new CpuSample(DateTimeOffset.UtcNow, seconds);
    }

    /// <summary>Cores each part kept busy on average between <paramref name="start"/> and this sample.</summary>
    public IReadOnlyDictionary<string, double> CoresSince(CpuSample start)
    {
        var wall = (At - start.At).TotalSeconds;
        return Seconds.ToDictionary(p => p.Key, p => (p.Value - start.Seconds[p.Key]) / wall);
    }
}
