using System.Globalization;
using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd.Redmine;

/// <summary>
/// The whole path with the real Redmine as the back office: API → RabbitMQ → worker process → <see cref="Forwarder"/> →
/// Redmine (deploy/local/redmine.sh). Each bed works in a fresh private project of its own, so test runs and test
/// classes never see each other's issues (our ids start again at 1 in every test database).
/// </summary>
public class RedmineDeliveryTestBed : DeliveryTestBed
{
    // Built on first use, so a missing Redmine fails the tests with RedmineInstance's message, not with a type-initialiser error.
    private RedmineInstance? _redmine;
    private RedmineAdmin? _admin;

    public RedmineInstance Redmine => _redmine ??= RedmineInstance.Get();
    public RedmineAdmin Admin => _admin ??= new RedmineAdmin(Redmine);

    /// <summary>What the worker talks to; the tests' <see cref="Admin"/> goes to Redmine directly.</summary>
    public TcpForwarder Forwarder { get; private set; } = null!;

    public string Project { get; } = "open311-test-" + Guid.NewGuid().ToString("N")[..12];

    public string OurId(string serviceRequestId) => TestCatalog.Jurisdiction + "/" + serviceRequestId;

    protected override async Task StartBackOfficeAsync()
    {
        await Admin.CreateProjectAsync(Project);
        Forwarder = new TcpForwarder(Redmine.Port);
        Forwarder.Open();
    }

    protected override TestRoute Route => new(
        AdapterKinds.Redmine,
        $"http://127.0.0.1:{Forwarder.Port}",
        Settings: new Dictionary<string, string>
        {
            ["project"] = Project,
            ["tracker_id"] = Id(Redmine.TrackerId),
            ["our_id_field"] = Id(Redmine.OurIdField),
            ["latitude_field"] = Id(Redmine.LatitudeField),
            ["longitude_field"] = Id(Redmine.LongitudeField),
        },
        // By the default data's order, named as this instance names them.
        Statuses: new Dictionary<string, string>
        {
            [Redmine.Status(0).Name] = "OPEN",
            [Redmine.Status(1).Name] = "IN_PROGRESS",
            [Redmine.Status(2).Name] = "FIXED",
            [Redmine.Status(3).Name] = "INVESTIGATING",
            [Redmine.Status(4).Name] = "CLOSED",
            [Redmine.Status(5).Name] = "NOT_COUNCILS_RESPONSIBILITY",
        },
        PollSeconds: 1);

    protected override IReadOnlyDictionary<string, string> WorkerEnvironment => new Dictionary<string, string>
    {
        [$"Adapters__Redmine__ApiKeys__{TestCatalog.Jurisdiction}"] = Redmine.AdminApiKey,
        ["Adapters__Redmine__TimeoutSeconds"] = "5",
    };

    // A poll whose answer a killed worker never sent is claimed again after this lease, not after the default five minutes.
    protected override IEnumerable<KeyValuePair<string, string?>> ApiSettings => [new("Delivery:StatusPollLeaseSeconds", "5")];

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (Forwarder is not null) await Forwarder.DisposeAsync();
            if (_admin is not null)
            {
                await _admin.DeleteProjectAsync(Project);
                _admin.Dispose();
            }
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
