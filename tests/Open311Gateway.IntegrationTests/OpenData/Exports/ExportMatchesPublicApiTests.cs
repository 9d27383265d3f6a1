using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.OpenData.Exports;

/// <summary>
/// Every exported row against the public API's answer for the same report (<c>requests/{id}.json?extensions=true</c>):
/// the same fields with the same values, and exactly the reports the API shows — none it hides (held, hidden, private,
/// of a private or blackbox service, of another jurisdiction), and never personal data.
/// </summary>
public sealed class ExportMatchesPublicApiTests(TwoJurisdictionsApp app) : IClassFixture<TwoJurisdictionsApp>
{
    private static readonly string[] PersonalValues = ["erika@example.org", "+49 30 1234567", "Erika", "Mustermann", "device-4711", "account-0815"];

    [Fact]
    public async Task Every_exported_row_is_what_the_public_api_answers_for_that_report_and_no_hidden_report_is_exported()
    {
        var ids = await SeedAsync();

        var features = await ExportCalls.FeaturesAsync(app.Client, TestCatalog.Jurisdiction);
        var csv = await ExportCalls.CsvAsync(app.Client, TestCatalog.Jurisdiction);
        var header = csv[0];
        var csvRows = csv.Skip(1).ToDictionary(r => r[0]);
        var featuresById = features.ToDictionary(f => (string)f["id"]!);

        var shown = new List<string>();
        foreach (var id in ids)
        {
            var response = await app.Client.GetOpen311Async($"requests/{id}.json?extensions=true&jurisdiction_id={TestCatalog.Jurisdiction}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Assert.False(featuresById.ContainsKey(id), $"Report {id} is not public but is in the GeoJSON export.");
                Assert.False(csvRows.ContainsKey(id), $"Report {id} is not public but is in the CSV export.");
                continue;
            }
            shown.Add(id);
            var expected = Expected((JObject)((JArray)await Open311Assert.JsonAnswer(response))[0]);
            AssertFeature(expected, (JObject)featuresById[id]);
            AssertCsvRow(expected, header, csvRows[id]);
        }
        Assert.Equal(7, shown.Count);
        Assert.Equal(shown.Order(), featuresById.Keys.Order());
        Assert.Equal(shown.Order(), csvRows.Keys.Order());
        Assert.Equal(ExportFieldNames, header);
        var text = features.ToString() + string.Join("\n", csv.Select(r => string.Join(",", r)));
        foreach (var personal in PersonalValues) Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
    }

    private static readonly string[] ExportFieldNames =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url", "detailed_status", "media_urls", "external_case_id",
    ];

    /// <summary>The API's answer flattened as the export has it: the standard's fields, then the extended attributes.</summary>
    private static List<(string Name, JToken Value)> Expected(JObject answer)
    {
        var fields = answer.Properties().Where(p => p.Name is not ("extended_attributes" or "notes")).Select(p => (p.Name, p.Value)).ToList();
        fields.AddRange(((JObject)answer["extended_attributes"]!).Properties().Select(p => (p.Name, p.Value)));
        return fields;
    }

    private static void AssertFeature(List<(string Name, JToken Value)> expected, JObject feature)
    {
        var values = expected.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("Feature", (string?)feature["type"]);
        if (values["lat"].Type == JTokenType.Null) Assert.Equal(JTokenType.Null, feature["geometry"]!.Type);
        else
        {
            Assert.Equal("Point", (string?)feature["geometry"]!["type"]);
            Assert.Equal(new[] { (double)values["long"], (double)values["lat"] }, feature["geometry"]!["coordinates"]!.Select(c => (double)c));
        }
        var properties = (JObject)feature["properties"]!;
        Assert.Equal(expected.Select(f => f.Name).Where(n => n is not ("lat" or "long")), properties.Properties().Select(p => p.Name));
        foreach (var (name, value) in expected.Where(f => f.Name is not ("lat" or "long")))
            Assert.True(JToken.DeepEquals(value, properties[name]), $"{name}: API {value}, GeoJSON {properties[name]}");
    }

    private static void AssertCsvRow(List<(string Name, JToken Value)> expected, List<string> header, List<string> row)
    {
        Assert.Equal(expected.Select(f => f.Name), header);
        for (var i = 0; i < expected.Count; i++)
        {
            var (name, value) = expected[i];
            switch (value.Type)
            {
                case JTokenType.Null:
                    Assert.Equal("", row[i]);
                    break;
                case JTokenType.Float or JTokenType.Integer:
                    Assert.Equal((double)value, double.Parse(row[i], CultureInfo.InvariantCulture));
                    break;
                case JTokenType.Array:
                    Assert.Equal(string.Join(' ', value.Select(v => (string)v!)), row[i]);
                    break;
                default:
                    var text = (string)value!;
                    // Text a spreadsheet would run as a formula is marked with an apostrophe; nothing else changes.
                    var formula = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
                    Assert.True((formula ? "'" + text : text) == row[i], $"{name}: API '{text}', CSV '{row[i]}'");
                    break;
            }
        }
    }

    private async Task<List<string>> SeedAsync()
    {
        await using (var db = app.Database.CreateDbContext())
        {
            // Case ids are published by this jurisdiction, so the export has that column too.
            await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction).ExecuteUpdateAsync(s => s.SetProperty(j => j.PublicCaseId, true));
        }
        var at = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
        var full = await Rows.NewAsync(app, at, description: "Tiefes Schlagloch, \"gefährlich\"\nbitte schnell");
        full.Status = "closed";
        full.ExtendedStatus = "FIXED";
        full.StatusNotes = "Repariert am Montag";
        full.AgencyResponsible = "Tiefbauamt";
        full.ServiceNotice = "Wir prüfen Ihre Meldung binnen drei Werktagen.";
        full.ExternalCaseId = "TB-2025-17";
        full.ExpectedAt = at.AddDays(7);
        full.UpdatedAt = at.AddDays(2);
        full.AddressString = "Hauptstraße 1, 12345 Teststadt";
        full.AddressId = "A-17";
        full.Zipcode = "12345";
        full.MediaUrls = ["http://127.0.0.1/media/a.jpg", "http://127.0.0.1/media/b.jpg"];
        (full.Email, full.Phone, full.FirstName, full.LastName, full.DeviceId, full.AccountId) =
            (PersonalValues[0], PersonalValues[1], PersonalValues[2], PersonalValues[3], PersonalValues[4], PersonalValues[5]);

        var addressOnly = await Rows.NewAsync(app, at.AddHours(1), description: "=HYPERLINK(\"http://example.org\",\"klick\")");
        addressOnly.Location = null;
        addressOnly.AddressString = "@Marktplatz";
        var negative = await Rows.NewAsync(app, at.AddHours(2), description: "-5 Grad, Glatteis");
        negative.Location = new Point(-3.7038, 40.4168) { SRID = 4326 };
        negative.StatusNotes = "+ schon gemeldet";
        negative.Email = PersonalValues[0];
        var batch = await Rows.NewAsync(app, at.AddHours(3), serviceCode: "WILDER_MUELL", description: "Sperrmüll\tam Weg");
        var umlauts = await Rows.NewAsync(app, at.AddHours(4), description: "Gehweg vereist: Glätte überall");
        var old = await Rows.NewAsync(app, new DateTimeOffset(2019, 1, 2, 3, 4, 5, TimeSpan.Zero), description: "Sehr alte Meldung");
        var erased = await Rows.NewAsync(app, at.AddHours(5), description: "Persönliche Daten gelöscht");

        var held = await Rows.NewAsync(app, at.AddHours(6), description: "Zurückgehalten");
        held.Moderation = ModerationStates.Held;
        var hidden = await Rows.NewAsync(app, at.AddHours(7), description: "Verborgen");
        hidden.Moderation = ModerationStates.Hidden;
        var privateReport = await Rows.NewAsync(app, at.AddHours(8), description: "Privat gemeldet");
        privateReport.IsPrivate = true;
        var blackbox = await Rows.NewAsync(app, at.AddHours(9), serviceCode: "HINWEIS", description: "Blackbox");
        var madePrivate = await Rows.NewAsync(app, at.AddHours(10), serviceCode: "Grün & Park/Bank", description: "Dienst später privat");
        var neighbour = await Rows.NewAsync(app, at.AddHours(11), jurisdiction: TestCatalog.SecondJurisdiction, description: "Nachbarort");

        var rows = await Rows.InsertAsync(app, full, addressOnly, negative, batch, umlauts, old, erased, held, hidden, privateReport, blackbox, madePrivate, neighbour);
        await using (var db = app.Database.CreateDbContext())
        {
            await db.Services.Where(s => s.Code == "Grün & Park/Bank").ExecuteUpdateAsync(s => s.SetProperty(x => x.IsPrivate, true));
        }
        return rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
    }
}
