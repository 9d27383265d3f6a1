using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Open311Gateway.DemoBackOffice.Pages;

/// <summary>Encoding and flattening for the page. Everything shown came from outside, so everything is encoded.</summary>
public static class Html
{
    // Umlauts stay readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>A received document as field/value rows: <c>contact.email</c>, <c>attributes.gefahr</c> …</summary>
    public static IEnumerable<(string Field, string Value)> Fields(JsonElement element, string prefix = "")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return (prefix, Scalar(element));
            yield break;
        }
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object)
                foreach (var row in Fields(property.Value, name)) yield return row;
            else
                yield return (name, Scalar(property.Value));
        }
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "—",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Scalar)),
        _ => value.GetRawText(),
    };
}
