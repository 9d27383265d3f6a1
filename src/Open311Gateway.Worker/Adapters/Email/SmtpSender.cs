using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// The raw SMTP side of the e-mail adapter (MailKit): one connection per mail — connect, TLS, log-in, send, quit —
/// bounded as a whole by the adapter's timeout. Throws what MailKit throws; <see cref="SmtpAnswer"/> says what it means.
/// </summary>
public sealed class SmtpSender
{
    /// <summary>Sends the mail and returns the server's final answer (its queue id, usually).</summary>
    /// <exception cref="SmtpExchangeTimeoutException">The whole exchange took longer than the timeout.</exception>
    public async Task<string> SendAsync(MimeMessage mail, EmailOptions settings, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        var timeout = settings.Timeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        // MailKit's own timeout bounds each read and write; the token above bounds the exchange as a whole.
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds) };
        // Our own socket, for TCP_NODELAY: SMTP is a dialogue of short lines, and with Nagle's algorithm each of
        // MailKit's split writes waits for the server's delayed ACK (40 ms on Linux): 87 ms a mail, measured on loopback.
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        string answer;
        try
        {
            await socket.ConnectAsync(smtp.Host ?? "", smtp.EffectivePort, bounded.Token);
            await client.ConnectAsync(socket, smtp.Host ?? "", smtp.EffectivePort, SocketOptions(smtp.EffectiveSecurity), bounded.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", bounded.Token);
            answer = await client.SendAsync(mail, bounded.Token);
        }
        // Whichever fires first — our bound on the whole exchange or MailKit's on one read — it is the same timeout.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested
            && e is OperationCanceledException or TimeoutException or IOException { InnerException: TimeoutException })
        {
            throw new SmtpExchangeTimeoutException(ServerName(settings), timeout);
        }
        // The server has the mail: nothing after this point may turn the attempt into a failure, or a retry would
        // send it a second time. A QUIT that fails or stalls only costs a connection the server drops itself.
        try
        {
            await client.DisconnectAsync(quit: true, bounded.Token);
        }
#pragma warning disable CA1031 // Any failure to say goodbye is harmless here, as the comment above says.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        return answer;
    }

    public static string ServerName(EmailOptions settings) => $"{settings.Smtp.Host}:{settings.Smtp.EffectivePort}";

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
