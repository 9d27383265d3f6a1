using System.Text.Json;
using System.Xml;
using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// An upstream's answer read as GeoReport v2 writes it: a list of elements, in JSON (a bare array) or XML (a root with one
/// child per element). Which one is decided by the body's first character, then by the media type: servers label XML as
/// text/html or JSON as text/plain often enough. A body that is neither is <see cref="Unreadable"/>, never an exception.
/// </summary>
public sealed record UpstreamDocument(IReadOnlyList<UpstreamItem> Items, string? Problem)
{
    public bool Unreadable => Problem is not null;

    public static UpstreamDocument Read(HttpAnswer answer)
    {
        var body = answer.Body.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (body.Length == 0) return Failed("empty answer");
        try
        {
            return body[0] switch
            {
                '[' or '{' => new(UpstreamJson.Read(body), null),
                '<' => new(UpstreamXml.Read(body), null),
                _ when answer.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true => new(UpstreamJson.Read(body), null),
                _ when answer.MediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true => new(UpstreamXml.Read(body), null),
                _ => Failed("neither JSON nor XML"),
            };
        }
        catch (JsonException e)
        {
            return Failed("unreadable JSON: " + e.Message);
        }
        catch (XmlException e)
        {
            // Also where a DTD ends up: prohibited, so nothing it declares is fetched or expanded.
            return Failed("unreadable XML: " + e.Message);
        }
    }

    /// <summary>The upstream's error descriptions (<c>{code, description}</c> elements), joined; null when it sent none.</summary>
    public string? ErrorDescriptions()
    {
        var texts = Items.Select(i => i["description"] ?? i["code"]).OfType<string>().Distinct().ToList();
        return texts.Count == 0 ? null : string.Join("; ", texts);
    }

    private static UpstreamDocument Failed(string problem) => new([], problem);
}
