using System.Net;
using System.Text;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Tests.Worker;

/// <summary>What the upstream Open311 adapter POSTs: GeoReport v2's form fields, mapped through the route, with our marker.</summary>
public class Open311FormTests
{
    private const string Marker = "[Ref: gw-musterstadt.de-4711-5d0b9e11]";

    private static StubUpstream AnsweringWithAnId() =>
        new((_, _) => StubUpstream.Json(HttpStatusCode.OK, """[{"service_request_id":"UP-1"}]"""));

    private static async Task<ReceivedCall> PostedForm(Open311Gateway.Contracts.ServiceRequestSubmitted message)
    {
        var upstream = AnsweringWithAnId();
        await using var provider = Open311TestServices.Create(upstream);
        await provider.Adapter().ForwardRequestAsync(message, AttemptContext.First, CancellationToken.None);
        return Assert.Single(upstream.Calls, c => c.Request.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task A_report_is_posted_form_encoded_in_utf8_to_requests_json_with_every_field_the_standard_has()
    {
        var call = await PostedForm(Open311TestServices.Report());

        Assert.Equal(HttpMethod.Post, call.Request.Method);
        Assert.Equal(Open311TestServices.Base + "/requests.json", call.Request.RequestUri!.ToString());
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", call.Request.Content!.Headers.ContentType!.ToString());
        Assert.Equal(
            [
                new("api_key", Open311TestServices.ApiKey),
                new("service_code", "STR-042"),
                new("lat", "51.96236"),
                new("long", "7.62571"),
                new("address_string", "Königstraße 5, 48143 Musterstadt"),
                new("address_id", "addr-9"),
                new("description", "Tiefes Schlagloch vor der Bäckerei Müller, Radfahrer müssen ausweichen.\n\n" + Marker),
                new("email", "jürgen.größe@example.de"),
                new("first_name", "Jürgen"),
                new("last_name", "Größe-Müller"),
                new("phone", "+49 251 123456"),
                new("device_id", "device-1"),
                new("account_id", "account-7"),
                new("media_url", "https://media.example/a.jpg"),
                new("attribute[groesse]", "groß"),
                new("attribute[gefahr][]", "radweg"),
                new("attribute[gefahr][]", "nachts"),
            ],
            call.Form());
        // UTF-8 percent-encoding on the wire; "+" in a phone number is escaped, not taken for a space.
        var raw = Encoding.UTF8.GetString(call.Body);
        Assert.Contains("last_name=Gr%C3%B6%C3%9Fe-M%C3%BCller", raw);
        Assert.Contains("phone=%2B49%20251%20123456", raw);
    }

    [Fact]
    public async Task Attribute_codes_are_mapped_through_the_route_and_the_upstreams_jurisdiction_id_is_sent_when_set()
    {
        var report = Open311TestServices.Report(("jurisdiction_id", "bonn"));
        var message = report with
        {
            Route = report.Route with { AttributeCodes = new Dictionary<string, string> { ["gefahr"] = "danger", ["groesse"] = "size" } },
        };

        var call = await PostedForm(message);

        Assert.Equal("bonn", call.Field("jurisdiction_id"));
        Assert.Equal("groß", call.Field("attribute[size]"));
        Assert.Equal(["radweg", "nachts"], call.Form().Where(f => f.Key == "attribute[danger][]").Select(f => f.Value));
        Assert.DoesNotContain(call.Form(), f => f.Key.Contains("gefahr") || f.Key.Contains("groesse"));
    }

    [Fact]
    public async Task Absent_fields_are_left_out_the_service_code_falls_back_to_ours_and_an_empty_description_is_the_marker_alone()
    {
        var message = Open311TestServices.Report() with
        {
            Route = Open311TestServices.Route() with { ExternalServiceCode = null },
            Description = null, Latitude = null, Longitude = null, AddressId = null, MediaUrls = [],
            Email = null, Phone = null, FirstName = null, LastName = null, DeviceId = null, AccountId = null,
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["leer"] = [] },
        };

        var call = await PostedForm(message);

        Assert.Equal(["api_key", "service_code", "address_string", "description"], call.Form().Select(f => f.Key));
        Assert.Equal("schlagloch", call.Field("service_code"));
        Assert.Equal(Marker, call.Field("description"));
    }

    [Fact]
    public async Task A_description_at_the_standards_limit_is_shortened_so_that_the_marker_still_fits_in_4000_characters()
    {
        var call = await PostedForm(Open311TestServices.Report() with { Description = new string('x', 4000) });

        var description = call.Field("description")!;
        Assert.Equal(4000, description.Length);
        Assert.EndsWith("…\n\n" + Marker, description);
    }

    [Fact]
    public async Task The_marker_is_the_same_for_every_attempt_of_a_delivery_and_differs_between_deliveries_of_the_same_report()
    {
        var first = await PostedForm(Open311TestServices.Report() with { Attempt = 1 });
        var again = await PostedForm(Open311TestServices.Report() with { Attempt = 7 });
        var other = await PostedForm(Open311TestServices.Report() with { DeliveryId = Guid.CreateVersion7() });

        Assert.Equal(first.Field("description"), again.Field("description"));
        Assert.NotEqual(first.Field("description"), other.Field("description"));
        Assert.StartsWith("[Ref: gw-musterstadt.de-4711-", other.Field("description")!.Split("\n\n")[1]);
    }

    [Fact]
    public async Task Coordinates_are_written_in_the_invariant_culture_whatever_the_workers_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var call = await PostedForm(Open311TestServices.Report() with { Latitude = 50.7374, Longitude = 7.0982 });
            Assert.Equal("50.7374", call.Field("lat"));
            Assert.Equal("7.0982", call.Field("long"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task The_xml_format_posts_to_requests_xml_and_asks_for_xml()
    {
        var call = await PostedForm(Open311TestServices.Report(("format", "xml")));

        Assert.Equal(Open311TestServices.Base + "/requests.xml", call.Request.RequestUri!.ToString());
        Assert.Equal("text/xml", call.Request.Headers.Accept.ToString());
    }
}
