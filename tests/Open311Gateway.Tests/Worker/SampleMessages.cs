using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.Tests.Worker;

public static class SampleMessages
{
    public const string Endpoint = "https://backoffice.musterstadt.example/open311/webhook";

    public static DeliveryRoute Route(string adapter = AdapterKinds.Webhook) => new()
    {
        Adapter = adapter,
        Endpoint = Endpoint,
        JurisdictionId = WorkerTestServices.Jurisdiction,
        ExternalServiceCode = "STR-042",
    };

    public static ServiceRequestSubmitted Report(string adapter = AdapterKinds.Webhook) => new()
    {
        DeliveryId = Guid.Parse("6f1c1f2e-4b8e-4f57-9a51-0d3c5d0b9e11"),
        Attempt = 2,
        Route = Route(adapter),
        ServiceRequestId = "4711",
        Token = "tok-0815",
        JurisdictionId = WorkerTestServices.Jurisdiction,
        ServiceCode = "schlagloch",
        ServiceName = "Schlagloch / Straßenschaden",
        RequestedAt = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(1)),
        Description = "Tiefes Schlagloch vor der Bäckerei Müller, Radfahrer müssen ausweichen.",
        Latitude = 51.96236,
        Longitude = 7.62571,
        ProjectedCrs = "EPSG:25832",
        Easting = 405577.306,
        Northing = 5757743.763,
        AddressString = "Königstraße 5, 48143 Musterstadt",
        AddressId = "addr-9",
        MediaUrls = ["https://media.example/a.jpg", "https://media.example/b.jpg"],
        Attributes = new Dictionary<string, IReadOnlyList<string>>
        {
            ["groesse"] = ["groß"],
            ["gefahr"] = ["radweg", "nachts"],
        },
        Email = "jürgen.größe@example.de",
        Phone = "+49 251 123456",
        FirstName = "Jürgen",
        LastName = "Größe-Müller",
        DeviceId = "device-1",
        AccountId = "account-7",
    };

    public static CitizenUpdateSubmitted FollowUp() => new()
    {
        DeliveryId = Guid.Parse("0b5a3c52-9d0e-4a4e-8f6e-5d3f1f9c2a77"),
        Attempt = 1,
        Route = Route(),
        UpdateId = "u-123",
        ServiceRequestId = "4711",
        ExternalCaseId = "DEMO-1",
        SubmittedAt = new DateTimeOffset(2026, 7, 2, 18, 5, 9, TimeSpan.FromHours(2)),
        Status = "REOPEN",
        Description = "Das Loch ist wieder da, größer als vorher.",
        MediaUrl = "https://media.example/c.jpg",
        Email = "jürgen.größe@example.de",
        FirstName = "Jürgen",
        LastName = "Größe-Müller",
        AccountId = "account-7",
    };
}
