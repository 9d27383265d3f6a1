using Microsoft.Extensions.Options;

namespace Open311Gateway.DemoBackOffice.Admin;

/// <summary>The simulated outage: while set, every webhook is answered with this status.</summary>
public sealed class OutageSwitch(IOptions<DemoBackOfficeOptions> options)
{
    // 0 = no outage; an int so reads and writes from concurrent requests are atomic.
    private int _failWith = options.Value.FailWith ?? 0;

    public int? FailWith
    {
        get => Volatile.Read(ref _failWith) is var status and > 0 ? status : null;
        set => Volatile.Write(ref _failWith, value ?? 0);
    }
}
