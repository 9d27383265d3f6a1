using MimeKit;
using MimeKit.Text;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// Turns our messages into mails: a plain-text and an HTML part (multipart/alternative) rendered from one
/// <see cref="MailDocument"/>, a Message-ID derived from our ids, and a follow-up threaded under its report.
/// </summary>
public static class EmailComposer
{
    public const string ServiceRequestIdHeader = "X-Open311-Service-Request-Id";
    public const string JurisdictionHeader = "X-Open311-Jurisdiction";

    public static MimeMessage Report(ServiceRequestSubmitted m, EmailOptions settings, MailboxAddress to, DateTimeOffset now)
    {
        var texts = EmailTexts.For(m.Route.Settings?.GetValueOrDefault("language"));
        var mail = Mail(ReportMail.Document(m, texts), settings, to, now);
        mail.MessageId = ReportMessageId(m.ServiceRequestId, m.Route.JurisdictionId, settings);
        mail.Headers.Add(ServiceRequestIdHeader, m.ServiceRequestId);
        mail.Headers.Add(JurisdictionHeader, m.Route.JurisdictionId);
        return mail;
    }

    public static MimeMessage FollowUp(CitizenUpdateSubmitted m, EmailOptions settings, MailboxAddress to, DateTimeOffset now)
    {
        var texts = EmailTexts.For(m.Route.Settings?.GetValueOrDefault("language"));
        var mail = Mail(FollowUpMail.Document(m, texts), settings, to, now);
        mail.MessageId = MessageIds.ForUpdate(m.UpdateId, m.Route.JurisdictionId, settings.EffectiveMessageIdDomain);
        // A reply to the report's mail: the clerk sees the follow-up in the report's thread, whatever the client.
        var report = ReportMessageId(m.ServiceRequestId, m.Route.JurisdictionId, settings);
        mail.InReplyTo = report;
        mail.References.Add(report);
        mail.Headers.Add(ServiceRequestIdHeader, m.ServiceRequestId);
        mail.Headers.Add(JurisdictionHeader, m.Route.JurisdictionId);
        return mail;
    }

    public static string ReportMessageId(string serviceRequestId, string jurisdictionId, EmailOptions settings) =>
        MessageIds.ForReport(serviceRequestId, jurisdictionId, settings.EffectiveMessageIdDomain);

    private static MimeMessage Mail(MailDocument document, EmailOptions settings, MailboxAddress to, DateTimeOffset now)
    {
        var mail = new MimeMessage { Subject = document.Subject, Date = now };
        mail.From.Add(settings.Sender);
        mail.To.Add(to);
        // No Reply-To with the citizen's address: a clerk's "Reply" (perhaps with internal notes) must not reach the
        // citizen by accident; it goes to the gateway's From mailbox. Whether and how to answer a citizen is the
        // municipality's decision, and the address is in the body for that.
        // RFC 3834: out-of-office robots do not answer an automatic mail, so they cannot start a mail loop with us.
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Headers.Add(HeaderId.ContentLanguage, document.Language);
        mail.Body = new MultipartAlternative
        {
            // Plain first, HTML last: clients show the last part they can render.
            new TextPart(TextFormat.Plain) { Text = MailTextRenderer.Render(document) },
            new TextPart(TextFormat.Html) { Text = MailHtmlRenderer.Render(document) },
        };
        return mail;
    }
}
