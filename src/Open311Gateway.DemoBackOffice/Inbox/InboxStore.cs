using MimeKit;

namespace Open311Gateway.DemoBackOffice.Inbox;

/// <summary>The mails received, in memory only and at most <see cref="Capacity"/> of them: a demo keeps nothing across restarts.</summary>
public sealed class InboxStore(TimeProvider clock)
{
    public const int Capacity = 1000;

    private readonly Lock _lock = new();
    private readonly List<InboxMail> _mails = [];
    private int _received;

    public IReadOnlyList<InboxMail> Mails
    {
        get { lock (_lock) return _mails.ToList(); }
    }

    public InboxMail Receive(string envelopeFrom, IReadOnlyList<string> envelopeTo, MimeMessage message)
    {
        lock (_lock)
        {
            var messageId = message.MessageId ?? "";
            var copy = _mails.Count(m => m.MessageId == messageId && messageId.Length > 0);
            var mail = new InboxMail(++_received, clock.GetUtcNow(), envelopeFrom, envelopeTo, message.From.ToString(), message.To.ToString(),
                message.Subject ?? "", messageId, message.InReplyTo, message.References.ToList(), message.TextBody ?? "", copy);
            _mails.Add(mail);
            if (_mails.Count > Capacity) _mails.RemoveAt(0);
            return mail;
        }
    }
}
