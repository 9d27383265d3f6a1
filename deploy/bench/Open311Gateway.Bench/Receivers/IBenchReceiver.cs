namespace Open311Gateway.Bench.Receivers;

/// <summary>A back office the benchmark runs itself, so it sees the moment each report arrives.</summary>
public interface IBenchReceiver : IAsyncDisposable
{
    ArrivalLog Arrivals { get; }

    Task StartAsync(int port);
}
