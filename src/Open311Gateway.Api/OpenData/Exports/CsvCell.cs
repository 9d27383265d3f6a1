using System.Buffers;
using System.Globalization;
using System.Text;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// One CSV cell, RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled. Text that a
/// spreadsheet would run as a formula (it begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return,
/// OWASP's list for CSV injection) gets a leading apostrophe inside quotes: <c>=SUM(A1)</c> is written
/// <c>"'=SUM(A1)"</c>, which Excel and LibreOffice show as text. Numbers (coordinates) are written as numbers, so a
/// western longitude keeps its minus sign.
/// </summary>
public static class CsvCell
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public static void Append(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case double number:
                line.Append(number.ToString("R", CultureInfo.InvariantCulture));
                return;
            case string text:
                AppendText(line, text);
                return;
            case Open311List list:
                // media_urls: URLs hold no spaces, so one space separates them.
                AppendText(line, string.Join(' ', list.Items));
                return;
            default:
                AppendText(line, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                return;
        }
    }

    public static void AppendText(StringBuilder line, string text)
    {
        if (text.Length == 0) return;
        var formula = text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!formula && text.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(text);
            return;
        }
        line.Append('"');
        if (formula) line.Append('\'');
        line.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
