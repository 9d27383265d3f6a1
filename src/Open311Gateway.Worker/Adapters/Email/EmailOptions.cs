using MimeKit;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>Settings of the e-mail adapter; configuration section <c>Adapters:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Adapters:Email";

    public SmtpOptions Smtp { get; set; } = new();

    public MailSenderOptions From { get; set; } = new();

    /// <summary>The right-hand side of our Message-IDs; null means the domain of <see cref="MailSenderOptions.Address"/>.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>The whole SMTP exchange (connect, TLS, log-in, sending) must finish within this; else the attempt failed.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Whether an operator configured this adapter at all; an unconfigured one must not stop a worker from starting.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>The From mailbox; only valid when <see cref="Problems"/> is empty.</summary>
    public MailboxAddress Sender => new(From.DisplayName ?? "", From.Address ?? "");

    public string EffectiveMessageIdDomain =>
        string.IsNullOrWhiteSpace(MessageIdDomain) ? From.Address![(From.Address!.LastIndexOf('@') + 1)..] : MessageIdDomain.Trim();

    /// <summary>What is wrong with a configured adapter's settings; empty when they are usable (or the adapter is not configured).</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!IsConfigured) return [];
        var problems = new List<string>();
        if (Smtp.Port is < 1 or > 65535) problems.Add($"{Section}:Smtp:Port must be between 1 and 65535.");
        if (TimeoutSeconds <= 0) problems.Add($"{Section}:TimeoutSeconds must be positive.");
        if (string.IsNullOrWhiteSpace(From.Address) || !MailboxAddress.TryParse(From.Address, out var from) || from.Address != From.Address.Trim()
            || !From.Address.Contains('@'))
            problems.Add($"{Section}:From:Address must be a plain mail address such as open311@musterstadt.de.");
        if (!string.IsNullOrEmpty(Smtp.Username) && string.IsNullOrEmpty(Smtp.Password))
            problems.Add($"{Section}:Smtp:Password is missing for {Section}:Smtp:Username.");
        if (MessageIdDomain is { } domain && !MessageIds.IsUsableDomain(domain.Trim()))
            problems.Add($"{Section}:MessageIdDomain must be a domain name such as musterstadt.de.");
        return problems;
    }
}
