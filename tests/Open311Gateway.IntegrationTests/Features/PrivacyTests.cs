using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Personal data is stored for the municipality and never published by any GET.</summary>
public sealed class PrivacyTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static readonly (string Name, string Value)[] Personal =
    [
        ("email", "erika.mustermann@example.org"), ("phone", "+49 30 1234567"), ("first_name", "Erika"),
        ("last_name", "Mustermann"), ("device_id", "geraet-7f3a9c"), ("account_id", "konto-55821"),
    ];

    [Fact]
    public async Task Personal_data_is_stored_but_no_get_answer_contains_it_or_its_field_names()
    {
        var realtime = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json",
            HttpHelpers.Pothole(app.ApiKey, [("description", "Privat"), .. Personal])));
        var id = (string)realtime[0]!["service_request_id"]!;
        Assert.Equal("konto-55821", (string)realtime[0]!["account_id"]!);
        var batch = await Open311Assert.JsonAnswer(await app.Client.PostFormAsync("requests.json",
            [("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_string", "Waldweg 9"), .. Personal]));
        var token = (string)batch[0]!["token"]!;

        var row = await Rows.FindAsync(app, long.Parse(id, CultureInfo.InvariantCulture));
        Assert.Equal(
            ("erika.mustermann@example.org", "+49 30 1234567", "Erika", "Mustermann", "geraet-7f3a9c", "konto-55821"),
            (row.Email, row.Phone, row.FirstName, row.LastName, row.DeviceId, row.AccountId));
        await using (var db = app.Database.CreateDbContext())
            Assert.Equal("erika.mustermann@example.org", (await db.ServiceRequests.SingleAsync(r => r.Token == token)).Email);

        string[] paths =
        [
            "requests.json", "requests.xml", $"requests/{id}.json", $"requests/{id}.xml",
            $"requests.json?service_request_id={id}", $"requests.xml?service_request_id={id}",
            $"tokens/{token}.json", $"tokens/{token}.xml",
        ];
        foreach (var path in paths)
        {
            var response = await app.Client.GetOpen311Async(path);
            var body = await Open311Assert.Answer(response, System.Net.HttpStatusCode.OK,
                path.Contains(".xml", StringComparison.Ordinal) ? Open311Assert.Xml : Open311Assert.Json);
            Assert.True(body.Contains($"\"{id}\"", StringComparison.Ordinal) || body.Contains($">{id}<", StringComparison.Ordinal) || body.Contains(token, StringComparison.Ordinal),
                $"{path} does not show the reports at all: {body}");
            foreach (var (name, value) in Personal)
            {
                Assert.False(body.Contains(value, StringComparison.OrdinalIgnoreCase), $"{path} publishes {name}: {body}");
                Assert.False(body.Contains(name, StringComparison.OrdinalIgnoreCase), $"{path} names {name}: {body}");
            }
            Assert.DoesNotContain("Erika", body, StringComparison.Ordinal);
            Assert.DoesNotContain("mustermann", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
