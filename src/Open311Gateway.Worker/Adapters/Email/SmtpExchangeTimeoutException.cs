namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>The SMTP exchange did not finish within the adapter's timeout: a failed attempt, to be retried.</summary>
public sealed class SmtpExchangeTimeoutException(string server, TimeSpan timeout)
    : TimeoutException($"No complete SMTP exchange with {server} within {timeout.TotalSeconds:0.#} s.");
