using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Contracts.StatusPolls;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Adapters.Open311;

namespace Open311Gateway.Tests.Worker;

/// <summary>The worker's real registrations with the upstream Open311 adapter talking to a <see cref="StubUpstream"/>.</summary>
public static class Open311TestServices
{
    public const string Base = "https://backoffice.musterstadt.example/open311/v2";
    public const string ApiKey = "upstream-schlüssel-42";

    public static ServiceProvider Create(StubUpstream upstream, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Adapters:Open311:ApiKeys:" + WorkerTestServices.Jurisdiction] = ApiKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK), values);
        services.AddHttpClient<Open311UpstreamClient>().ConfigurePrimaryHttpMessageHandler(() => upstream);
        return services.BuildServiceProvider();
    }

    public static DeliveryRoute Route(params (string Key, string Value)[] settings) => SampleMessages.Route(AdapterKinds.Open311) with
    {
        Endpoint = Base,
        TimeZone = "Europe/Berlin",
        Settings = settings.ToDictionary(s => s.Key, s => s.Value),
    };

    public static ServiceRequestSubmitted Report(params (string Key, string Value)[] settings) =>
        SampleMessages.Report(AdapterKinds.Open311) with { Route = Route(settings) };

    public static CitizenUpdateSubmitted FollowUp(params (string Key, string Value)[] settings) =>
        SampleMessages.FollowUp() with { Route = Route(settings), ExternalCaseId = "UP-77" };

    public static StatusPollRequested Poll(IReadOnlyList<PolledCase> cases, string? cursor = null, params (string Key, string Value)[] settings) => new()
    {
        PollId = Guid.NewGuid(),
        Route = Route(settings),
        Cursor = cursor,
        RequestedAt = new DateTimeOffset(2026, 7, 2, 12, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 7, 2, 12, 5, 0, TimeSpan.Zero),
        Cases = cases,
    };

    public static Open311Adapter Adapter(this ServiceProvider provider) =>
        (Open311Adapter)provider.GetRequiredService<AdapterRegistry>().Get(AdapterKinds.Open311);

    public static IStatusPoller Poller(this ServiceProvider provider) =>
        provider.GetRequiredService<AdapterRegistry>().GetPoller(AdapterKinds.Open311);

    /// <summary>The form fields of a call, decoded, in the order they were sent.</summary>
    public static List<KeyValuePair<string, string>> Form(this ReceivedCall call) =>
        System.Text.Encoding.UTF8.GetString(call.Body).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Decode(p[0]), Decode(p.Length > 1 ? p[1] : "")))
            .ToList();

    public static string? Field(this ReceivedCall call, string name) =>
        call.Form().Where(f => f.Key == name).Select(f => f.Value).SingleOrDefault();

    /// <summary>A query parameter of a call's URL, decoded.</summary>
    public static string? Query(this ReceivedCall call, string name) =>
        System.Web.HttpUtility.ParseQueryString(call.Request.RequestUri!.Query)[name];

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
