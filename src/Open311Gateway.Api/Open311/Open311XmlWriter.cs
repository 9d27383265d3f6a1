using System.Globalization;
using System.Text;
using System.Xml;

namespace Open311Gateway.Api.Open311;

/// <summary>Writes a document as XML: declaration first, no namespaces, UTF-8.</summary>
public static class Open311XmlWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        OmitXmlDeclaration = false,
        // A parser reads a literal CR LF as LF; a CR written as &#xD; survives, so CRLF texts round-trip.
        NewLineHandling = NewLineHandling.Entitize,
        NewLineChars = "\n",
    };

    public static byte[] Write(Open311Document document)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            WriteElement(xml, document.RootName, document.Content);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteElement(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case Open311Object obj:
                foreach (var (fieldName, field) in obj.Fields) WriteElement(xml, fieldName, field);
                break;
            case Open311List list:
                foreach (var item in list.Items) WriteElement(xml, list.ItemName, item);
                break;
            case string s:
                xml.WriteString(WithoutInvalidXmlCharacters(s));
                break;
            case bool b:
                xml.WriteString(b ? "true" : "false");
                break;
            case double d:
                xml.WriteString(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case int i:
                xml.WriteString(i.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Open311 documents do not hold values of type {value.GetType()}.");
        }
        xml.WriteEndElement();
    }

    // Input validation refuses control characters, but data from elsewhere (a back office) must not
    // turn an answer into a 500: characters XML 1.0 cannot carry are dropped.
    private static string WithoutInvalidXmlCharacters(string s)
    {
        if (s.All(XmlConvert.IsXmlChar)) return s;
        var kept = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (XmlConvert.IsXmlChar(s[i])) kept.Append(s[i]);
            else if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) kept.Append(s[i]).Append(s[++i]);
        }
        return kept.ToString();
    }
}
