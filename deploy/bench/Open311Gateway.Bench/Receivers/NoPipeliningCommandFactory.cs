using SmtpServer;
using SmtpServer.Protocol;

namespace Open311Gateway.Bench.Receivers;

/// <summary>
/// Leaves PIPELINING out of the EHLO answer. This SMTP library writes pipelined replies one at a time on a socket with
/// Nagle's algorithm on, so each waits for the client's delayed ACK: 40 ms a mail (measured) that a real MTA, which
/// flushes its replies together, does not add. Without pipelining each command waits for its reply, which on
/// loopback costs nothing. The benchmark measures the gateway, not this server.
/// </summary>
public sealed class NoPipeliningCommandFactory : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new Ehlo(domainOrAddress);

    private sealed class Ehlo(string domainOrAddress) : EhloCommand(domainOrAddress)
    {
        protected override IEnumerable<string> GetExtensions(ISessionContext context) =>
            base.GetExtensions(context).Where(e => !string.Equals(e, "PIPELINING", StringComparison.OrdinalIgnoreCase));
    }
}
