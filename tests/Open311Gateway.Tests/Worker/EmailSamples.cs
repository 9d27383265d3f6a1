using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Worker.Adapters.Email;

namespace Open311Gateway.Tests.Worker;

/// <summary>The sample messages of <see cref="SampleMessages"/> on an e-mail route, and the adapter's settings for them.</summary>
public static class EmailSamples
{
    public const string Recipient = "maengel@musterstadt.example";
    public const string From = "open311@gateway.musterstadt.example";

    public static DeliveryRoute Route(string language = "de") => SampleMessages.Route(AdapterKinds.Email) with
    {
        Endpoint = Recipient,
        TimeZone = "Europe/Berlin",
        Settings = new Dictionary<string, string> { ["language"] = language },
    };

    public static IReadOnlyList<StatusLink> Links { get; } =
    [
        Link("IN_PROGRESS", "In Bearbeitung"),
        Link("FIXED", "Erledigt"),
        Link("NOT_COUNCILS_RESPONSIBILITY", "Nicht zuständig"),
    ];

    public static ServiceRequestSubmitted Report(string language = "de") =>
        SampleMessages.Report() with { Route = Route(language), StatusLinks = Links };

    public static CitizenUpdateSubmitted FollowUp(string language = "de") => SampleMessages.FollowUp() with
    {
        Route = Route(language),
        ServiceCode = "schlagloch",
        ServiceName = "Schlagloch / Straßenschaden",
    };

    public static EmailOptions Options(string? messageIdDomain = null) => new()
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = 2525, Security = SmtpSecurity.None },
        From = new MailSenderOptions { Address = From, DisplayName = "Mängelmelder Musterstadt" },
        MessageIdDomain = messageIdDomain,
    };

    public static Dictionary<string, string?> Settings(int port, double timeoutSeconds = 5) => new()
    {
        ["Adapters:Email:Smtp:Host"] = "127.0.0.1",
        ["Adapters:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Adapters:Email:Smtp:Security"] = "None",
        ["Adapters:Email:From:Address"] = From,
        ["Adapters:Email:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Worker:Destinations:" + WorkerTestServices.Jurisdiction + ":MailDomains:0"] = "musterstadt.example",
    };

    private static StatusLink Link(string status, string label) => new()
    {
        Status = status,
        Label = label,
        Url = $"https://open311.musterstadt.example/status-links/4711/k1.{status}.1777000000.mac?x=<&y=\"",
        ExpiresAt = new DateTimeOffset(2026, 4, 30, 7, 30, 0, TimeSpan.Zero),
    };
}
