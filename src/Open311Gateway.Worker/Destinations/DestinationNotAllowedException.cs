namespace Open311Gateway.Worker.Destinations;

/// <summary>A route points where this worker may not send: poison, not a failure to retry.</summary>
public sealed class DestinationNotAllowedException(string message) : InvalidOperationException(message);
