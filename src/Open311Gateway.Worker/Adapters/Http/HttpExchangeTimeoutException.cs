namespace Open311Gateway.Worker.Adapters.Http;

/// <summary>A back office did not finish its answer in time: a failed attempt, to be retried.</summary>
public sealed class HttpExchangeTimeoutException(string host, TimeSpan timeout)
    : TimeoutException($"No answer (or no complete one) from {host} within {timeout.TotalSeconds:0.#} s.");
