namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>How the connection to the SMTP server is protected (<c>Adapters:Email:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text. Only for a relay on the same host or network (the demo); reports carry personal data.</summary>
    None,
    /// <summary>Plain connect, then STARTTLS, which the server must offer: a server without it fails the attempt.</summary>
    StartTls,
    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect,
}
