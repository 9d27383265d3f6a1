using System.Text;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters.Webhook;

namespace Open311Gateway.Tests.Worker;

/// <summary>Keeps the examples and signature test vectors in specs/webhook.md true to the code.</summary>
public class WebhookSpecExampleTests
{
    private const string Secret = "beispiel-schluessel";

    private static readonly DeliveryRoute Route = new()
    {
        Adapter = "webhook",
        Endpoint = "https://fachverfahren.musterstadt.de/open311/webhook",
        JurisdictionId = "musterstadt.de",
        ExternalServiceCode = "STR-042",
    };

    [Fact]
    public void The_report_example_is_what_the_worker_sends_and_its_signature_matches_the_test_vector()
    {
        var report = new ServiceRequestSubmitted
        {
            DeliveryId = Guid.Parse("6f1c1f2e-4b8e-4f57-9a51-0d3c5d0b9e11"), Attempt = 1, Route = Route,
            ServiceRequestId = "2026-000123", JurisdictionId = "musterstadt.de", ServiceCode = "schlagloch",
            ServiceName = "Schlagloch / Straßenschaden", RequestedAt = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)),
            Description = "Tiefes Schlagloch vor der Bäckerei Müller.", Latitude = 51.96236, Longitude = 7.62571,
            ProjectedCrs = "EPSG:25832", Easting = 405577.306, Northing = 5757743.763,
            AddressString = "Königstraße 5, 48143 Musterstadt", MediaUrls = ["https://media.example.org/2026/03/loch.jpg"],
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["tiefe"] = ["10-20cm"], ["gefahr"] = ["radweg", "nachts"] },
            Email = "juergen.mueller@example.de", Phone = "+49 251 123456", FirstName = "Jürgen", LastName = "Müller", DeviceId = "a1b2c3",
        };

        var body = WebhookMapping.ServiceRequest(report, new DateTimeOffset(2026, 3, 1, 8, 30, 2, TimeSpan.Zero));

        Assert.Equal(
            """{"type":"service_request","service_request_id":"2026-000123","token":null,"jurisdiction_id":"musterstadt.de","service_code":"STR-042","open311_service_code":"schlagloch","service_name":"Schlagloch / Straßenschaden","requested_datetime":"2026-03-01T09:30:00+01:00","description":"Tiefes Schlagloch vor der Bäckerei Müller.","lat":51.96236,"long":7.62571,"projected":{"crs":"EPSG:25832","easting":405577.306,"northing":5757743.763},"address_string":"Königstraße 5, 48143 Musterstadt","address_id":null,"media_urls":["https://media.example.org/2026/03/loch.jpg"],"attributes":{"tiefe":["10-20cm"],"gefahr":["radweg","nachts"]},"contact":{"email":"juergen.mueller@example.de","phone":"+49 251 123456","first_name":"Jürgen","last_name":"Müller"},"device_id":"a1b2c3","account_id":null,"attempt":1,"sent_at":"2026-03-01T08:30:02+00:00"}""",
            Encoding.UTF8.GetString(body));
        Assert.Equal("sha256=8fc9305fb6062b2c4f6a701b27e364a1ac8dad8f5fa8525ae7272b48ba3e47fb", WebhookSignature.Compute(Secret, body));
    }

    [Fact]
    public void The_follow_up_example_is_what_the_worker_sends_and_its_signature_matches_the_test_vector()
    {
        var followUp = new CitizenUpdateSubmitted
        {
            DeliveryId = Guid.Parse("0b5a3c52-9d0e-4a4e-8f6e-5d3f1f9c2a77"), Attempt = 3, Route = Route,
            UpdateId = "8d3f0c1e-2b7a-4c55-a0e1-5f2d9b7c6e40", ServiceRequestId = "2026-000123", ExternalCaseId = "TBA-2026-4711",
            SubmittedAt = new DateTimeOffset(2026, 7, 2, 18, 5, 9, TimeSpan.FromHours(2)), Status = "REOPEN",
            Description = "Das Loch ist wieder da, größer als vorher.", Email = "juergen.mueller@example.de",
            FirstName = "Jürgen", LastName = "Müller", AccountId = "app-user-77",
        };

        var body = WebhookMapping.CitizenUpdate(followUp, new DateTimeOffset(2026, 7, 3, 7, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            """{"type":"citizen_update","update_id":"8d3f0c1e-2b7a-4c55-a0e1-5f2d9b7c6e40","service_request_id":"2026-000123","external_case_id":"TBA-2026-4711","status":"REOPEN","description":"Das Loch ist wieder da, größer als vorher.","media_url":null,"submitted_datetime":"2026-07-02T18:05:09+02:00","contact":{"email":"juergen.mueller@example.de","first_name":"Jürgen","last_name":"Müller"},"account_id":"app-user-77","attempt":3,"sent_at":"2026-07-03T07:00:00+00:00"}""",
            Encoding.UTF8.GetString(body));
        Assert.Equal("sha256=352348f8444a61408487f3be3f39ad87334557bffed88af455a8d94bbe2aa506", WebhookSignature.Compute(Secret, body));
    }
}
