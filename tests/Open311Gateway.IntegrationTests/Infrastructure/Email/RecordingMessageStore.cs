using System.Buffers;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Open311Gateway.IntegrationTests.Infrastructure.Email;

/// <summary>Hands each mail at DATA's end to its <see cref="RecordingSmtpServer"/>, whose answer ends the transaction.</summary>
internal sealed class RecordingMessageStore(RecordingSmtpServer server) : MessageStore
{
    public override Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
        server.SaveAsync(transaction, buffer, cancellationToken);
}
