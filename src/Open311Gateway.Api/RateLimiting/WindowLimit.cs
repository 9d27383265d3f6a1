namespace Open311Gateway.Api.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/> in one partition; 0 permits: no limit.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public bool IsOn => PermitLimit > 0;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public WindowLimit()
    {
    }

    public WindowLimit(int permitLimit, int windowSeconds) => (PermitLimit, WindowSeconds) = (permitLimit, windowSeconds);
}
