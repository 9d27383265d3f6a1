using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace Open311Gateway.IntegrationTests.Features.Support;

/// <summary>Assertions on whole GeoReport v2 answers: status, exact content type and exact body text.</summary>
public static partial class Open311Assert
{
    public const string Xml = "text/xml; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string XmlDeclaration = """<?xml version="1.0" encoding="utf-8"?>""";

    /// <summary>Checks status and content type and returns the body text (the body is shown when the status is wrong).</summary>
    public static async Task<string> Answer(HttpResponseMessage response, HttpStatusCode status, string contentType)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {Shorten(body)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        return body;
    }

    public static async Task<JToken> JsonAnswer(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK) =>
        ParseJson(await Answer(response, status, Json));

    /// <summary>Parses JSON keeping date-time strings as the text they are (JToken.Parse would turn them into local DateTimes).</summary>
    public static JToken ParseJson(string text)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    public static async Task<XDocument> XmlAnswer(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await Answer(response, status, Xml);
        Assert.StartsWith(XmlDeclaration, body, StringComparison.Ordinal);
        var document = XDocument.Parse(body);
        Assert.True(document.Root!.Name.Namespace == XNamespace.None, "The XML root has a namespace.");
        Assert.DoesNotContain("xmlns", body, StringComparison.Ordinal);
        return document;
    }

    /// <summary>The exact body text; XML expectations are written indented with LF line ends, as the gateway writes them.</summary>
    public static async Task Body(HttpResponseMessage response, HttpStatusCode status, string contentType, string expected, Func<string, string>? normalise = null)
    {
        var body = await Answer(response, status, contentType);
        Assert.Equal(expected, normalise is null ? body : normalise(body));
    }

    /// <summary>An Open311 JSON error list whose every code is <paramref name="status"/>; returns the descriptions.</summary>
    public static async Task<List<string>> JsonErrors(HttpResponseMessage response, HttpStatusCode status)
    {
        var json = await JsonAnswer(response, status);
        var errors = Assert.IsType<JArray>(json);
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            var obj = Assert.IsType<JObject>(error);
            Assert.Equal(["code", "description"], obj.Properties().Select(p => p.Name));
            Assert.Equal(JTokenType.String, obj["code"]!.Type);
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)obj["code"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)obj["description"]));
        }
        return errors.Select(e => (string)e["description"]!).ToList();
    }

    /// <summary>An Open311 XML error list whose every code is <paramref name="status"/>; returns the descriptions.</summary>
    public static async Task<List<string>> XmlErrors(HttpResponseMessage response, HttpStatusCode status)
    {
        var xml = await XmlAnswer(response, status);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        var errors = xml.Root.Elements().ToList();
        Assert.NotEmpty(errors);
        foreach (var error in errors)
        {
            Assert.Equal("error", error.Name.LocalName);
            Assert.Equal(["code", "description"], error.Elements().Select(e => e.Name.LocalName));
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
        }
        return errors.Select(e => e.Element("description")!.Value).ToList();
    }

    /// <summary>The exact JSON error body for a single error.</summary>
    public static string JsonError(int code, string description) =>
        new JArray(new JObject { ["code"] = code.ToString(System.Globalization.CultureInfo.InvariantCulture), ["description"] = description })
            .ToString(Newtonsoft.Json.Formatting.None);

    /// <summary>The exact XML error body for errors that share one code.</summary>
    public static string XmlError(int code, params string[] descriptions) =>
        XmlDeclaration + "\n<errors>\n" + string.Concat(descriptions.Select(d =>
            $"  <error>\n    <code>{code}</code>\n    <description>{XmlText(d)}</description>\n  </error>\n")) + "</errors>";

    /// <summary>Text content as an XML writer escapes it: only &amp;, &lt; and &gt;.</summary>
    public static string XmlText(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Replaces W3C date-times with a marker, for bodies whose times depend on the clock.</summary>
    public static string WithoutTimes(string body) => DateTime().Replace(body, "<time>");

    /// <summary>Replaces the text of the named JSON string fields / XML elements with <c>*</c>.</summary>
    public static string Masked(string body, params string[] names)
    {
        foreach (var name in names)
        {
            body = Regex.Replace(body, $"\"{name}\":\"[^\"]*\"", $"\"{name}\":\"*\"");
            body = Regex.Replace(body, $"<{name}>[^<]*</{name}>", $"<{name}>*</{name}>");
        }
        return body;
    }

    private static string Shorten(string body) => body.Length <= 2000 ? body : body[..2000] + "…";

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}")]
    private static partial Regex DateTime();
}
