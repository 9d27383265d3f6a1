using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Open311Gateway.DemoBackOffice.Inbox;

/// <summary>Parses each mail at the end of DATA and puts it into the <see cref="InboxStore"/>; answers 250.</summary>
public sealed class InboxMessageStore(InboxStore inbox, ILogger<InboxMessageStore> logger) : MessageStore
{
    public override async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        var mail = inbox.Receive(transaction.From.AsAddress(), transaction.To.Select(t => t.AsAddress()).ToList(), message);
        logger.LogInformation("Mail <{MessageId}> for {To} received{Copy}: {Subject}", mail.MessageId, mail.To,
            mail.Copy > 0 ? $" again (copy {mail.Copy + 1})" : "", mail.Subject);
        return SmtpResponse.Ok;
    }
}
