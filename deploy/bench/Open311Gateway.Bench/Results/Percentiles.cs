namespace Open311Gateway.Bench.Results;

/// <summary>Nearest-rank percentiles of a set of durations, in milliseconds.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<TimeSpan> values)
    {
        if (values.Count == 0) return new(double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}
