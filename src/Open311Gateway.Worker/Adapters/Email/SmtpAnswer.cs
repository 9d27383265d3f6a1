using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>What an SMTP server's answer (or its silence) means for the delivery; specs/adapters.md, "E-mail".</summary>
public static class SmtpAnswer
{
    public const int MaxDetailLength = 500;

    public static AdapterResult Accepted(string messageId, string serverAnswer) =>
        new(DeliveryOutcome.Delivered, Detail: Truncate($"Accepted as <{messageId}>: {serverAnswer}"));

    /// <summary>The outcome a failed exchange stands for; null for an exception that is no SMTP failure (a bug: let it surface).</summary>
    public static AdapterResult? Interpret(Exception exception, string server) => exception switch
    {
        SmtpCommandException command => Command(command, server),
        // 535 on AUTH, or no mechanism in common: our credentials or the server's set-up, fixed by an operator.
        AuthenticationException e => Failed($"{server} refused the log-in: {e.Message}"),
        SslHandshakeException e => Failed($"TLS with {server} failed (certificate or protocol): {e.Message}"),
        SmtpProtocolException e => Failed($"{server} broke the SMTP exchange: {e.Message}"),
        // The server does not offer what the configuration requires (STARTTLS, AUTH): fixed on either side, then retried.
        NotSupportedException e => Failed($"{server}: {e.Message}"),
        TimeoutException e => Failed(e is SmtpExchangeTimeoutException ? e.Message : $"{server} timed out: {e.Message}"),
        SocketException or IOException or ServiceNotConnectedException => Failed($"{server} unreachable: {exception.Message}"),
        _ => null,
    };

    /// <summary>
    /// 4xx is the server's "not now". 530/534/535/538 (authentication or encryption required, credentials wrong) are
    /// ours to fix in the configuration, after which a later attempt succeeds. Every other 5xx — 550 no such
    /// mailbox, 552 too large, 554 refused — is final: the same mail would be refused again.
    /// </summary>
    public static AdapterResult Command(SmtpCommandException exception, string server)
    {
        var code = (int)exception.StatusCode;
        var detail = Truncate($"SMTP {code} from {server}: {exception.Message}");
        return code switch
        {
            >= 400 and < 500 => new(DeliveryOutcome.Failed, Detail: detail),
            530 or 534 or 535 or 538 => new(DeliveryOutcome.Failed, Detail: detail),
            >= 500 and < 600 => new(DeliveryOutcome.Rejected, Detail: detail),
            _ => new(DeliveryOutcome.Failed, Detail: detail),
        };
    }

    public static string Truncate(string text) =>
        text.Length <= MaxDetailLength ? text : text[..(MaxDetailLength - 1)] + "…";

    private static AdapterResult Failed(string detail) => new(DeliveryOutcome.Failed, Detail: Truncate(detail));
}
