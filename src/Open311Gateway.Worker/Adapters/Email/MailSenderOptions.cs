namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>The gateway's own mailbox, which every mail comes from (<c>Adapters:Email:From</c>).</summary>
public sealed class MailSenderOptions
{
    /// <summary>Such as <c>open311@musterstadt.de</c>; also the envelope sender, so bounces come back to it.</summary>
    public string? Address { get; set; }

    /// <summary>Shown as the sender's name, such as "Mängelmelder Musterstadt".</summary>
    public string? DisplayName { get; set; }
}
