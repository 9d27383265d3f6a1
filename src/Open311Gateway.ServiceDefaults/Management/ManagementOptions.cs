namespace Open311Gateway.ServiceDefaults.Management;

/// <summary>
/// The management port (section <c>Management</c>): Prometheus <c>/metrics</c> (and the worker's health) on a port of its
/// own, never on the public one. Defaults: 9464 in the API, 9465 in the worker; 0 turns it off.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    public int Port { get; set; }

    /// <summary>The address it listens on; all interfaces by default, so that a scraper in the cluster reaches it.</summary>
    public string Address { get; set; } = "0.0.0.0";
}
