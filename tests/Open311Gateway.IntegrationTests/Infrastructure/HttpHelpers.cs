using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>Small conveniences for talking GeoReport v2 in tests.</summary>
public static class HttpHelpers
{
    public const string Base = "/open311/v2/";

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, params (string Name, string Value)[] fields) =>
        client.PostAsync(Base + path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public static Task<HttpResponseMessage> GetOpen311Async(this HttpClient client, string pathAndQuery) =>
        client.GetAsync(Base + pathAndQuery);

    /// <summary>The body as JSON, with date strings kept as the text they are (JToken.Parse would turn them into local times).</summary>
    public static async Task<JToken> JsonAsync(this HttpResponseMessage response)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(await response.Content.ReadAsStringAsync()))
        {
            DateParseHandling = Newtonsoft.Json.DateParseHandling.None,
        };
        return JToken.ReadFrom(reader);
    }

    public static async Task<XDocument> XmlAsync(this HttpResponseMessage response) =>
        XDocument.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>A report for the test catalogue's SCHLAGLOCH service with every required field, plus extras.</summary>
    public static (string, string)[] Pothole(string apiKey, params (string, string)[] extra) =>
    [
        ("api_key", apiKey), ("service_code", "SCHLAGLOCH"), ("lat", "52.5200"), ("long", "13.4050"),
        ("attribute[GROESSE]", "klein"), .. extra,
    ];
}
