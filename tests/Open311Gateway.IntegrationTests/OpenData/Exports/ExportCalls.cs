using System.Net;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;

namespace Open311Gateway.IntegrationTests.OpenData.Exports;

/// <summary>Fetches a jurisdiction's exports as a harvester does and reads them.</summary>
public static class ExportCalls
{
    public static string Url(string jurisdiction, string file, string query = "") => $"/opendata/{jurisdiction}/{file}{query}";

    public static async Task<JArray> FeaturesAsync(HttpClient client, string jurisdiction, string query = "")
    {
        var response = await client.GetAsync(Url(jurisdiction, "requests.geojson", query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.ToString());
        var collection = (JObject)Open311Assert.ParseJson(await response.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", (string?)collection["type"]);
        return (JArray)collection["features"]!;
    }

    /// <summary>The CSV's records, the header first.</summary>
    public static async Task<List<List<string>>> CsvAsync(HttpClient client, string jurisdiction, string query = "")
    {
        var response = await client.GetAsync(Url(jurisdiction, "requests.csv", query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8; header=present", response.Content.Headers.ContentType?.ToString());
        return CsvText.Parse(await response.Content.ReadAsStringAsync());
    }

    public static List<string> FeatureIds(JArray features) => features.Select(f => (string)f["id"]!).ToList();

    public static List<string> CsvIds(List<List<string>> records) => records.Skip(1).Select(r => r[0]).ToList();
}
