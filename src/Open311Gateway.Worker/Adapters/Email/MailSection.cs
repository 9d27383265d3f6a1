namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>A headed group of lines; a section without lines is left out of the mail.</summary>
public sealed record MailSection(string Heading, IReadOnlyList<MailLine> Lines);
