using Microsoft.Extensions.Options;
using MimeKit;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// Forwards reports and follow-ups as mails to the route's address (a shared inbox of the municipality) through the
/// configured SMTP server. Status comes back by the signed links the API put into the report's message.
/// </summary>
/// <remarks>
/// SMTP has no idempotency key, and a mail cannot be looked up once sent. Every attempt of a message carries the
/// same Message-ID (<see cref="MessageIds"/>), so a mail sent twice is recognisably the same one (mail clients thread
/// and many deduplicate on it), and a second mail is possible only in one window: after the server accepted the
/// mail (its 250 to our final dot) and before the broker has our acknowledgement — the QUIT, sending the outcome
/// and the ack, milliseconds. A worker crash in that window, or a timeout that fires after the server took the
/// mail but before its 250 reached us, sends it again. A mail is never lost: whatever does not end in a 250 is
/// retried. specs/adapters.md, "E-mail".
/// </remarks>
public sealed class EmailAdapter(
    SmtpSender smtp, IOptionsMonitor<EmailOptions> options, DestinationPolicy destinations, TimeProvider clock, ILogger<EmailAdapter> logger)
    : IBackOfficeAdapter
{
    public string Kind => AdapterKinds.Email;

    public Task<AdapterResult> ForwardRequestAsync(ServiceRequestSubmitted message, AttemptContext attempt, CancellationToken cancellationToken)
    {
        var (settings, to) = Prepare(message.Route);
        return SendAsync(EmailComposer.Report(message, settings, to, clock.GetUtcNow()), settings, attempt, cancellationToken);
    }

    public Task<AdapterResult> ForwardCitizenUpdateAsync(CitizenUpdateSubmitted message, AttemptContext attempt, CancellationToken cancellationToken)
    {
        var (settings, to) = Prepare(message.Route);
        return SendAsync(EmailComposer.FollowUp(message, settings, to, clock.GetUtcNow()), settings, attempt, cancellationToken);
    }

    // These checks throw: without a server, a usable address or the operator's permission no retry can ever succeed.
    private (EmailOptions Settings, MailboxAddress To) Prepare(DeliveryRoute route)
    {
        var settings = options.CurrentValue;
        if (!settings.IsConfigured)
            throw new InvalidOperationException(
                $"E-mail adapter not configured in this worker (set {EmailOptions.Section}:Smtp:Host and {EmailOptions.Section}:From:Address).");
        if (settings.Problems() is { Count: > 0 } problems)
            throw new InvalidOperationException("E-mail adapter misconfigured: " + string.Join(" ", problems));
        // The catalogue stores the address without mailto:, but a route may come from anyone who can publish.
        var address = route.Endpoint.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? route.Endpoint["mailto:".Length..] : route.Endpoint;
        if (!MailboxAddress.TryParse(address, out var to) || to.Address != address.Trim() || !to.Address.Contains('@'))
            throw new InvalidOperationException(
                $"E-mail endpoint '{route.Endpoint}' of jurisdiction '{route.JurisdictionId}' is not a plain mail address.");
        destinations.EnsureAllowedRecipient(route.JurisdictionId, to.Address);
        return (settings, to);
    }

    private async Task<AdapterResult> SendAsync(MimeMessage mail, EmailOptions settings, AttemptContext attempt, CancellationToken cancellationToken)
    {
        var server = SmtpSender.ServerName(settings);
        if (attempt.MayRepeat)
            logger.LogInformation("Mail {MessageId} may have been sent before; sending it again with the same Message-ID", mail.MessageId);
        try
        {
            return SmtpAnswer.Accepted(mail.MessageId ?? "", await smtp.SendAsync(mail, settings, cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && SmtpAnswer.Interpret(e, server) is { } result)
        {
            return result;
        }
    }
}
