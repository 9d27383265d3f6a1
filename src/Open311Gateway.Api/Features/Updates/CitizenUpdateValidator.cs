using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Updates;

/// <summary>
/// Checks a client app's follow-up (<c>POST servicerequestupdates</c>) and reports every problem at once.
/// Key, jurisdiction and service_request_id are checked before this, by the controller.
/// </summary>
public static class CitizenUpdateValidator
{
    /// <param name="now">The gateway's clock: a follow-up's updated_datetime may not lie ahead of it by more than the clock skew.</param>
    public static (ValidatedCitizenUpdate? Update, List<string> Errors) Validate(SubmittedFields fields, TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new List<string>();
        var updateId = UpdateFieldRules.UpdateId(fields.Single("update_id", errors), errors);
        // FixMyStreet sends the state the citizen wants (OPEN, CLOSED, REOPEN …); forwarded, never applied.
        var status = UpdateFieldRules.Status(fields.Single("status", errors), required: false, errors);
        var description = TextRules.Check("description", fields.Single("description", errors), UpdateFieldRules.MaxDescriptionLength, errors);
        if (string.IsNullOrWhiteSpace(description)) description = null;
        var mediaUrl = UpdateFieldRules.MediaUrl(fields.Single("media_url", errors), errors);
        if (description is null && fields.All("media_url").Count == 0) errors.Add("description or media_url is required.");
        var updatedText = fields.Single("updated_datetime", errors);
        // A time far ahead would be forwarded as when the citizen wrote it: refused like a back office's (ADR 7).
        var updatedAt = UpdateFieldRules.NotInFuture("updated_datetime", updatedText ?? "",
            UpdateFieldRules.DateTime("updated_datetime", updatedText, zone, errors), now, errors);

        var email = TextRules.Check("email", fields.Single("email", errors), 254, errors);
        if (email is not null && !EmailAddresses.IsValid(email)) errors.Add($"email '{TextRules.Shorten(email)}' is not an e-mail address.");
        var firstName = TextRules.Check("first_name", fields.Single("first_name", errors), 100, errors);
        var lastName = TextRules.Check("last_name", fields.Single("last_name", errors), 100, errors);
        var accountId = TextRules.Check("account_id", fields.Single("account_id", errors), 200, errors);

        if (errors.Count > 0) return (null, errors);
        return (new ValidatedCitizenUpdate(updateId!, status, description, mediaUrl, updatedAt, email, firstName, lastName, accountId), errors);
    }
}
