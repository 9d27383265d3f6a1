namespace Open311Gateway.DemoBackOffice.Inbox;

/// <summary>The demo inbox's SMTP server (section <c>DemoBackOffice:Smtp</c>): where the worker's e-mail adapter sends.</summary>
public sealed class DemoSmtpOptions
{
    /// <summary>An IP address to listen on; loopback by default, since the server takes mail from anyone who reaches it.</summary>
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 2525;

    /// <summary>Off: no SMTP server, the inbox page stays empty.</summary>
    public bool Enabled { get; set; } = true;
}
