namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>One line of a mail: a labelled value, a link, or a paragraph (<see cref="Label"/> null).</summary>
/// <param name="Url">Makes the value a link in the HTML part; the plain part shows the address itself.</param>
/// <param name="Block">Free text of the citizen's (a description), kept with its line breaks.</param>
public sealed record MailLine(string? Label, string Text, string? Url = null, bool Block = false);
