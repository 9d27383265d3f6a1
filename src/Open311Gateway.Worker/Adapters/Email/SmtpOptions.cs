namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>The SMTP server the e-mail adapter hands its mails to (<c>Adapters:Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name or address. Unset: the adapter is not configured and its messages are poison.</summary>
    public string? Host { get; set; }

    /// <summary>The server's port; null means 465 with <see cref="SmtpSecurity.SslOnConnect"/>, else 587 (submission).</summary>
    public int? Port { get; set; }

    /// <summary>
    /// Null means <see cref="SmtpSecurity.SslOnConnect"/> on port 465 and <see cref="SmtpSecurity.StartTls"/> on any
    /// other: mails carry citizens' personal data, so plain text has to be asked for by name.
    /// </summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>Log-in name; unset: no AUTH (a relay that trusts the worker's address).</summary>
    public string? Username { get; set; }

    /// <summary>From a secret store or the environment, never the catalogue.</summary>
    public string? Password { get; set; }

    public SmtpSecurity EffectiveSecurity => Security ?? (Port == 465 ? SmtpSecurity.SslOnConnect : SmtpSecurity.StartTls);

    public int EffectivePort => Port ?? (EffectiveSecurity == SmtpSecurity.SslOnConnect ? 465 : 587);
}
