namespace Open311Gateway.Contracts;

public enum DeliveryOutcome
{
    /// <summary>The back office accepted it (2xx).</summary>
    Delivered,
    /// <summary>The back office refused it for good (4xx): retrying cannot help.</summary>
    Rejected,
    /// <summary>It may work later (5xx, timeout, unreachable): the API schedules another attempt.</summary>
    Failed,
}
