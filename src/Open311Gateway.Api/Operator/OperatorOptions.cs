namespace Open311Gateway.Api.Operator;

/// <summary>Settings of the status page (section <c>Operator</c>).</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>
    /// Mark the session cookie Secure even when the request reached us over plain HTTP: for a TLS-terminating proxy whose
    /// forwarded headers are not trusted. Without it the cookie is Secure exactly when the request was HTTPS.
    /// </summary>
    public bool SecureCookies { get; set; }

    /// <summary>How long a sign-in lasts without use; each page load within it extends it.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);
}
