namespace Open311Gateway.ServiceDefaults.Management;

/// <summary>What the management port serves besides <c>/metrics</c>.</summary>
/// <param name="Health">
/// <c>/health/live</c> and <c>/health/ready</c> (the checks tagged <see cref="ReadyTag"/>: MassTransit's bus check).
/// The worker's only HTTP; the API keeps its health on its main port.
/// </param>
internal sealed record ManagementEndpoints(bool Health)
{
    /// <summary>The tag MassTransit gives its bus health check.</summary>
    public const string ReadyTag = "ready";
}
