using System.Text;
using Newtonsoft.Json;

namespace Open311Gateway.Api.Open311;

/// <summary>Writes a document as JSON: the root element dropped, lists as arrays.</summary>
public static class Open311JsonWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Write(Open311Document document) => Utf8.GetString(WriteUtf8(document));

    /// <summary>
    /// The document as UTF-8 bytes, written straight into one buffer: a 100-report list as a string first took a
    /// large-object-heap string and a second copy per answer (ADR 22).
    /// </summary>
    public static byte[] WriteUtf8(Open311Document document)
    {
        using var bytes = new MemoryStream(4096);
        using (var text = new StreamWriter(bytes, Utf8, bufferSize: 4096, leaveOpen: true))
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            WriteValue(json, document.Content);
        }
        return bytes.ToArray();
    }

    private static void WriteValue(JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull();
                break;
            case Open311Object obj:
                json.WriteStartObject();
                foreach (var (name, field) in obj.Fields)
                {
                    // Our field names are plain ASCII (service_code, …): escaping them is wasted work on every row.
                    json.WritePropertyName(name, escape: !IsPlain(name));
                    WriteValue(json, field);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items) WriteValue(json, item);
                json.WriteEndArray();
                break;
            case string s:
                json.WriteValue(s);
                break;
            case bool b:
                json.WriteValue(b);
                break;
            case double d:
                json.WriteValue(d);
                break;
            case int i:
                json.WriteValue(i);
                break;
            default:
                throw new ArgumentException($"Open311 documents do not hold values of type {value.GetType()}.");
        }
    }

    private static bool IsPlain(string name)
    {
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }
}
