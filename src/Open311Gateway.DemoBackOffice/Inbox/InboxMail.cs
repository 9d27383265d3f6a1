namespace Open311Gateway.DemoBackOffice.Inbox;

/// <summary>One mail as the demo inbox received it. <see cref="Copy"/> counts earlier mails with the same Message-ID.</summary>
public sealed record InboxMail(
    int Number,
    DateTimeOffset ReceivedAt,
    string EnvelopeFrom,
    IReadOnlyList<string> EnvelopeTo,
    string From,
    string To,
    string Subject,
    string MessageId,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string PlainBody,
    int Copy)
{
    /// <summary>The thread's first mail: the report a follow-up answers, else the mail itself.</summary>
    public string ThreadId => References.FirstOrDefault() ?? InReplyTo ?? MessageId;
}
