using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>What the mail of a citizen's follow-up says; it is sent as a reply in the report's thread.</summary>
public static class FollowUpMail
{
    public static MailDocument Document(CitizenUpdateSubmitted m, EmailTexts texts)
    {
        var service = m.ServiceName ?? m.ServiceCode ?? "";
        var followUp = new List<MailLine>();
        if (!string.IsNullOrWhiteSpace(m.Status)) followUp.Add(new(texts.RequestedStatus, texts.StatusName(m.Status)));
        followUp.Add(new(texts.Description, string.IsNullOrWhiteSpace(m.Description) ? texts.NoDescription : m.Description, Block: true));
        if (!string.IsNullOrWhiteSpace(m.MediaUrl)) followUp.Add(new(texts.Photo, m.MediaUrl, m.MediaUrl));
        followUp.Add(new(texts.SubmittedAt, MailTimes.Format(m.SubmittedAt, m.Route.TimeZone, texts)));
        followUp.Add(new(null, texts.FollowUpStatusHint));

        var technical = new List<MailLine> { new(texts.UpdateId, m.UpdateId), new(texts.ReportId, m.ServiceRequestId) };
        if (m.ExternalCaseId is { Length: > 0 } caseId) technical.Add(new(texts.ExternalCaseId, caseId));
        technical.Add(new(texts.Jurisdiction, m.Route.JurisdictionId));
        if (m.AccountId is { Length: > 0 } account) technical.Add(new(texts.AccountId, account));

        return new(
            texts.Language,
            texts.ReplyPrefix + ReportMail.Subject(texts, service, m.ServiceRequestId),
            ReportMail.Format(texts.FollowUpTitle, m.ServiceRequestId, service),
            [
                new(texts.FollowUpSection, followUp),
                new(texts.ContactSection, ReportMail.ContactLines(texts, m.FirstName, m.LastName, m.Email, null)),
                new(texts.TechnicalSection, technical),
            ],
            texts.Footer);
    }
}
