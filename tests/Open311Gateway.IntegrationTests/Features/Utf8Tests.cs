using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>UTF-8 both ways: umlauts, ß, emoji and CRLF line breaks (FixMyStreet sends CRLF).</summary>
public sealed class Utf8Tests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string Text = "Straße: Äpfel, Öl, Übermut — ä ö ü ß 😀🚧\r\nZweite Zeile\r\n\r\nDritte\tmit Tab";

    private async Task<string> PostAsync(HttpResponseMessage response)
    {
        var answer = await Open311Assert.JsonAnswer(response);
        return (string)answer[0]!["service_request_id"]!;
    }

    private async Task AssertRoundTripAsync(string id)
    {
        Assert.Equal(Text, (await Rows.FindAsync(app, long.Parse(id, CultureInfo.InvariantCulture))).Description);

        var json = await app.Client.GetOpen311Async($"requests/{id}.json");
        var jsonText = await Open311Assert.Answer(json, System.Net.HttpStatusCode.OK, Open311Assert.Json);
        Assert.Equal(Text, (string)Open311Assert.ParseJson(jsonText)[0]!["description"]!);
        Assert.Contains("Straße: Äpfel", jsonText, StringComparison.Ordinal);

        var xml = await app.Client.GetOpen311Async($"requests/{id}.xml");
        var xmlText = await Open311Assert.Answer(xml, System.Net.HttpStatusCode.OK, Open311Assert.Xml);
        Assert.Contains("Straße: Äpfel", xmlText, StringComparison.Ordinal);
        Assert.Contains("😀🚧", xmlText, StringComparison.Ordinal);
        // An XML parser turns a literal CR LF into LF: the CR must travel as a character reference to survive.
        Assert.Equal(Text, System.Xml.Linq.XDocument.Parse(xmlText).Root!.Element("request")!.Element("description")!.Value);
    }

    [Fact]
    public async Task A_form_posted_description_with_umlauts_emoji_and_crlf_round_trips_in_json_and_xml() =>
        await AssertRoundTripAsync(await PostAsync(await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("description", Text)))));

    [Fact]
    public async Task A_json_posted_description_with_umlauts_emoji_and_crlf_round_trips_in_json_and_xml() =>
        await AssertRoundTripAsync(await PostAsync(await app.Client.PostJsonAsync("requests.json", new JObject
        {
            ["api_key"] = app.ApiKey, ["service_code"] = "SCHLAGLOCH", ["address_string"] = "Größenweg 1",
            ["attribute"] = new JObject { ["GROESSE"] = "groß" }, ["description"] = Text,
        })));

    [Fact]
    public async Task Answers_are_utf8_bytes_not_character_references()
    {
        foreach (var path in new[] { "services.json", "services.xml" })
        {
            var bytes = await (await app.Client.GetOpen311Async(path)).Content.ReadAsByteArrayAsync();
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.Contains("Wilder Müll", text, StringComparison.Ordinal);
            Assert.Contains("Parkbank beschädigt", text, StringComparison.Ordinal);
            Assert.Contains("Straße und Verkehr", text, StringComparison.Ordinal);
            Assert.NotEqual(0xEF, bytes[0]);
        }
    }

    [Fact]
    public async Task A_list_attribute_key_with_an_umlaut_is_matched()
    {
        var id = await PostAsync(await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "SCHLAGLOCH"), ("lat", "52.5"), ("long", "13.4"), ("attribute[GROESSE]", "groß")));
        Assert.Equal(["groß"], (await Rows.FindAsync(app, long.Parse(id, CultureInfo.InvariantCulture))).Attributes["GROESSE"]);
    }
}
