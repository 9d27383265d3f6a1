using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Worker.Consumers;

/// <summary>
/// A failed attempt with short retries left. The only exception the endpoint's retry policy handles: everything
/// else is either reported as an outcome or is poison.
/// </summary>
public sealed class TransientDeliveryException(AdapterResult result)
    : Exception($"Delivery failed, will retry shortly: {result.Detail ?? "no detail"}")
{
    public AdapterResult Result { get; } = result;
}
