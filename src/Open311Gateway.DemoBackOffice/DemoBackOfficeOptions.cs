namespace Open311Gateway.DemoBackOffice;

/// <summary>Configuration section <c>DemoBackOffice</c>.</summary>
public sealed class DemoBackOfficeOptions
{
    public const string Section = "DemoBackOffice";

    /// <summary>The HMAC key the worker signs with (its <c>Adapters:Webhook:Secrets:&lt;jurisdiction&gt;</c>).</summary>
    public string Secret { get; set; } = "";

    /// <summary>An HTTP status to answer every webhook with from the start, simulating an outage (for example 503).</summary>
    public int? FailWith { get; set; }

    /// <summary>Base address of the gateway API, for sending statuses back.</summary>
    public string GatewayUrl { get; set; } = "http://localhost:5000";

    /// <summary>This back office's key for the gateway's back-office API (sent as a bearer token).</summary>
    public string BackOfficeKey { get; set; } = "";

    /// <summary>The demo inbox's SMTP server, which receives the e-mail adapter's mails.</summary>
    public Inbox.DemoSmtpOptions Smtp { get; set; } = new();
}
