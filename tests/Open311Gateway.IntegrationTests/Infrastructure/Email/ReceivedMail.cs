using MimeKit;

namespace Open311Gateway.IntegrationTests.Infrastructure.Email;

/// <summary>One mail as the SMTP server received it: the envelope and the parsed message.</summary>
public sealed record ReceivedMail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message, DateTimeOffset ReceivedAt)
{
    public string? MessageId => Message.MessageId;
    public string? Subject => Message.Subject;
    public string Text => Message.TextBody ?? "";
    public string Html => Message.HtmlBody ?? "";
    public string? ServiceRequestId => Message.Headers["X-Open311-Service-Request-Id"];
}
