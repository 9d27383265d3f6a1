using System.Text;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>The plain-text part: headings underlined, one "label: value" per line, links written out.</summary>
public static class MailTextRenderer
{
    public static string Render(MailDocument document)
    {
        var text = new StringBuilder();
        Heading(text, document.Title, '=');
        foreach (var section in document.Sections.Where(s => s.Lines.Count > 0))
        {
            text.Append('\n');
            Heading(text, section.Heading, '-');
            foreach (var line in section.Lines) Line(text, line);
        }
        text.Append("\n-- \n").Append(document.Footer).Append('\n');
        return text.ToString();
    }

    private static void Heading(StringBuilder text, string heading, char underline) =>
        text.Append(heading).Append('\n').Append(underline, heading.Length).Append('\n');

    private static void Line(StringBuilder text, MailLine line)
    {
        var value = line.Url is { } url && url != line.Text ? $"{line.Text} <{url}>" : line.Text;
        if (line.Block)
        {
            if (line.Label is not null) text.Append(line.Label).Append(":\n");
            // Indented, so a citizen's text cannot pass itself off as a heading or a field of ours.
            foreach (var row in Normalize(value).Split('\n')) text.Append("  ").Append(row).Append('\n');
            return;
        }
        if (line.Label is not null) text.Append(line.Label).Append(": ");
        text.Append(Normalize(value).Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
    }

    private static string Normalize(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
