using System.Text;

namespace Open311Gateway.IntegrationTests.OpenData.Exports;

/// <summary>Reads RFC 4180 text strictly (quoted cells, doubled quotes, CRLF between records), as a harvester would.</summary>
public static class CsvText
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("A quoted cell is not closed.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    cell.Append(text[i++]);
                }
            }
            while (i < text.Length && text[i] != ',' && text[i] != '\r')
            {
                if (text[i] is '"' or '\n') throw new FormatException($"A bare {(text[i] == '"' ? "quote" : "line feed")} at {i}.");
                cell.Append(text[i++]);
            }
            record.Add(cell.ToString());
            cell.Clear();
            if (i >= text.Length) throw new FormatException("The last record has no CRLF.");
            if (text[i] == ',') { i++; continue; }
            if (i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"A CR without LF at {i}.");
            i += 2;
            records.Add(record);
            record = [];
        }
        return records;
    }
}
