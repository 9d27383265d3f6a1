namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// What one mail says, independent of its form: the plain-text and the HTML part are both rendered from it, so the
/// two can never disagree about which fields the clerk sees.
/// </summary>
public sealed record MailDocument(string Language, string Subject, string Title, IReadOnlyList<MailSection> Sections, string Footer);
