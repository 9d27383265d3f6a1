using System.Globalization;
using Open311Gateway.Api.StatusLinks;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Infrastructure.Email;

/// <summary>
/// The whole path with the test jurisdiction on the e-mail adapter: API → RabbitMQ → worker process → a real SMTP
/// server in the test process. The API mints status links with three keys: the current one, an old one still in its
/// grace period, and one whose grace period has ended.
/// </summary>
public class EmailDeliveryTestBed : DeliveryTestBed
{
    public const string Recipient = "maengel@teststadt.example";
    public const string From = "open311@gateway.teststadt.example";
    public const string MessageIdDomain = "gateway.teststadt.example";
    /// <summary>Where the links point; tests send the link's path and query to the in-process API.</summary>
    public const string StatusLinkBaseUrl = "https://open311.teststadt.example";

    public static readonly StatusLinkKey CurrentKey = new() { Id = "k-2026", Secret = "aktueller-schlüssel-für-statuslinks-0123456789" };
    public static readonly StatusLinkKey GraceKey = new() { Id = "k-2025", Secret = "alter-schlüssel-in-der-schonfrist-0123456789", AcceptUntil = DateTimeOffset.UtcNow.AddDays(7) };
    public static readonly StatusLinkKey EndedKey = new() { Id = "k-2024", Secret = "abgelaufener-schlüssel-ohne-schonfrist-012345", AcceptUntil = DateTimeOffset.UtcNow.AddDays(-1) };

    public RecordingSmtpServer Smtp { get; } = new();

    protected override Task StartBackOfficeAsync() => Smtp.StartAsync();

    protected override TestRoute Route => new(AdapterKinds.Email, Recipient, Settings: new Dictionary<string, string> { ["language"] = "de" });

    protected override IReadOnlyDictionary<string, string> WorkerEnvironment => new Dictionary<string, string>
    {
        ["Adapters__Email__Smtp__Host"] = "127.0.0.1",
        ["Adapters__Email__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Adapters__Email__Smtp__Security"] = "None",
        ["Adapters__Email__From__Address"] = From,
        ["Adapters__Email__From__DisplayName"] = "Mängelmelder Teststadt",
        // Short, so a stalled server costs a test seconds; the slow-server tests stall for less or on purpose for more.
        ["Adapters__Email__TimeoutSeconds"] = "2",
        [$"Worker__Destinations__{TestCatalog.Jurisdiction}__MailDomains__0"] = "teststadt.example",
    };

    protected override IEnumerable<KeyValuePair<string, string?>> ApiSettings =>
    [
        new("StatusLinks:BaseUrl", StatusLinkBaseUrl),
        .. Key(0, CurrentKey), .. Key(1, GraceKey), .. Key(2, EndedKey),
    ];

    /// <summary>A signer holding only <paramref name="key"/>, as an API configured with it would sign.</summary>
    public static StatusLinkSigner SignerWith(StatusLinkKey key) =>
        new(new FixedOptionsMonitor<StatusLinkOptions>(new StatusLinkOptions { Keys = [new StatusLinkKey { Id = key.Id, Secret = key.Secret }] }));

    /// <summary>Polls until the condition holds; fails with what the SMTP server saw and the worker's log.</summary>
    public async Task WaitForMailAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Timed out after {timeout} waiting until {what}. SMTP server accepted {Smtp.Accepted.Count}, " +
            $"saw {Smtp.Tried.Count}.\nWorker log:\n{Worker.Output}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private static IEnumerable<KeyValuePair<string, string?>> Key(int index, StatusLinkKey key)
    {
        yield return new($"StatusLinks:Keys:{index}:Id", key.Id);
        yield return new($"StatusLinks:Keys:{index}:Secret", key.Secret);
        if (key.AcceptUntil is { } until) yield return new($"StatusLinks:Keys:{index}:AcceptUntil", until.ToString("O", CultureInfo.InvariantCulture));
    }
}
