using Microsoft.Extensions.Options;

namespace Open311Gateway.Worker.Destinations;

/// <summary>Checks a route's destination against the worker's own list for its jurisdiction; nothing listed means nothing allowed.</summary>
public sealed class DestinationPolicy(IOptionsMonitor<Dictionary<string, DestinationOptions>> options)
{
    /// <exception cref="DestinationNotAllowedException">The host is not listed for the jurisdiction.</exception>
    public void EnsureAllowed(string jurisdictionId, Uri endpoint)
    {
        var allowed = For(jurisdictionId).Hosts;
        var hostAndPort = $"{endpoint.Host}:{endpoint.Port}";
        if (allowed.Any(h => string.Equals(h, endpoint.Host, StringComparison.OrdinalIgnoreCase)
                || string.Equals(h, hostAndPort, StringComparison.OrdinalIgnoreCase)))
            return;
        throw new DestinationNotAllowedException(
            $"Host {hostAndPort} is not allowed for jurisdiction '{jurisdictionId}' in this worker's configuration " +
            $"(add it to {DestinationOptions.Section}:{jurisdictionId}:Hosts).");
    }

    /// <exception cref="DestinationNotAllowedException">The address's domain is not listed for the jurisdiction.</exception>
    public void EnsureAllowedRecipient(string jurisdictionId, string address)
    {
        var at = address.LastIndexOf('@');
        var domain = at < 0 ? "" : address[(at + 1)..];
        if (domain.Length > 0 && For(jurisdictionId).MailDomains.Any(d => string.Equals(d.Trim().TrimStart('@'), domain, StringComparison.OrdinalIgnoreCase)))
            return;
        throw new DestinationNotAllowedException(
            $"Recipient domain '{domain}' is not allowed for jurisdiction '{jurisdictionId}' in this worker's configuration " +
            $"(add it to {DestinationOptions.Section}:{jurisdictionId}:MailDomains).");
    }

    private DestinationOptions For(string jurisdictionId) =>
        options.CurrentValue.FirstOrDefault(d => string.Equals(d.Key, jurisdictionId, StringComparison.OrdinalIgnoreCase)).Value
        ?? new DestinationOptions();
}
