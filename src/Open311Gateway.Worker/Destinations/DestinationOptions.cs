namespace Open311Gateway.Worker.Destinations;

/// <summary>
/// Where this worker may send each jurisdiction's messages (section <c>Worker:Destinations:&lt;jurisdiction id&gt;</c>).
/// The route in a message comes from whoever can publish to the broker; this list comes from the worker's own
/// operator, so a forged route cannot make the worker post signed reports (with personal data) elsewhere.
/// </summary>
public sealed class DestinationOptions
{
    public const string Section = "Worker:Destinations";

    /// <summary>Allowed HTTP hosts, as <c>host</c> (any port) or <c>host:port</c>; compared ignoring case.</summary>
    public List<string> Hosts { get; set; } = [];

    /// <summary>Allowed recipient domains for e-mail, such as <c>musterstadt.de</c> (exactly that domain, not its subdomains).</summary>
    public List<string> MailDomains { get; set; } = [];
}
