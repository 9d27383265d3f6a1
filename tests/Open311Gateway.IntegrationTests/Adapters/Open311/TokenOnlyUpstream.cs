using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>
/// A minimal GeoReport v2 server of the batch kind, on a real loopback port: it speaks XML only, answers a POST with a
/// token only, resolves the token after a while (until then the request is in no list and <c>tokens/{token}</c> answers
/// 404), and can be made to be down (503) or to answer slowly after it stored a report.
/// </summary>
public sealed class TokenOnlyUpstream : IAsyncDisposable
{
    public const string Key = "batch-upstream-schlüssel";
    private const string Base = "/open311/v2";

    private readonly ConcurrentDictionary<string, StoredRequest> _byToken = new();
    private WebApplication? _app;
    private int _number = 1000;
    private int _posts;
    private volatile bool _down;
    private long _resolveAfterTicks = TimeSpan.FromSeconds(1).Ticks;
    private long _answerDelayTicks;

    public string Url { get; private set; } = "";

    public bool Down { get => _down; set => _down = value; }

    /// <summary>How long after its POST a request gets its id (from then on its token resolves and it is listed).</summary>
    public TimeSpan ResolveAfter
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _resolveAfterTicks));
        set => Interlocked.Exchange(ref _resolveAfterTicks, value.Ticks);
    }

    /// <summary>How long the answer to a POST waits after the report was stored.</summary>
    public TimeSpan AnswerDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _answerDelayTicks));
        set => Interlocked.Exchange(ref _answerDelayTicks, value.Ticks);
    }

    /// <summary>POSTs of reports that arrived, refused ones included.</summary>
    public int Posts => Volatile.Read(ref _posts);

    public IReadOnlyList<StoredRequest> Stored => _byToken.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>The stored reports that carry our marker for one of our reports.</summary>
    public IReadOnlyList<StoredRequest> CopiesOf(string ourId) =>
        Stored.Where(r => r.Description?.Contains($"[Ref: gw-teststadt.de-{ourId}-", StringComparison.Ordinal) == true).ToList();

    /// <summary>Resolves every token at once, whatever <see cref="ResolveAfter"/> said when it was issued.</summary>
    public void ResolveAll()
    {
        foreach (var request in _byToken.Values) request.ResolvesAt = DateTimeOffset.MinValue;
    }

    /// <summary>What the clerk behind the upstream does to a case.</summary>
    public void SetStatus(string id, string status, string? notes, string? detailedStatus = null)
    {
        var request = _byToken.Values.Single(r => r.Id == id);
        (request.Status, request.Notes, request.DetailedStatus, request.UpdatedAt) = (status, notes, detailedStatus, DateTimeOffset.UtcNow);
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            if (Down) await Xml(context, 503, Errors(503, "Wartungsfenster"));
            else await next(context);
        });
        _app.MapPost(Base + "/requests.xml", PostAsync);
        _app.MapGet(Base + "/tokens/{token}.xml", (HttpContext context, string token) => ResolveAsync(context, token));
        _app.MapGet(Base + "/requests.xml", ListAsync);
        // JSON is optional in the standard, and this server has none.
        _app.MapFallback(context => Xml(context, 404, Errors(404, "Unknown resource")));
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private async Task PostAsync(HttpContext context)
    {
        Interlocked.Increment(ref _posts);
        var form = await context.Request.ReadFormAsync();
        if (form["api_key"] != Key)
        {
            await Xml(context, 403, Errors(403, "Invalid api_key"));
            return;
        }
        var now = DateTimeOffset.UtcNow;
        var request = new StoredRequest
        {
            Id = Interlocked.Increment(ref _number).ToString(CultureInfo.InvariantCulture),
            Token = Guid.NewGuid().ToString("N")[..12],
            ServiceCode = form["service_code"].ToString(),
            Description = form["description"].ToString(),
            Form = form.ToDictionary(f => f.Key, f => f.Value.ToArray()),
            RequestedAt = now,
            UpdatedAt = now,
            ResolvesAt = now + ResolveAfter,
        };
        _byToken[request.Token] = request;
        var delay = AnswerDelay;
        if (delay > TimeSpan.Zero) await Task.Delay(delay, context.RequestAborted);
        await Xml(context, 200, new XElement("service_requests", new XElement("request",
            new XElement("token", request.Token), new XElement("service_notice", "Ihre Meldung wird geprüft."))));
    }

    private Task ResolveAsync(HttpContext context, string token) =>
        _byToken.TryGetValue(token, out var request) && request.IsResolved
            ? Xml(context, 200, new XElement("service_requests", new XElement("request",
                new XElement("service_request_id", request.Id), new XElement("token", request.Token))))
            : Xml(context, 404, Errors(404, $"Token {token} unknown or not yet processed"));

    private Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var listed = _byToken.Values.Where(r => r.IsResolved);
        var ids = query["service_request_id"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 0) listed = listed.Where(r => ids.Contains(r.Id));
        else
        {
            if (query["service_code"].ToString() is { Length: > 0 } code) listed = listed.Where(r => r.ServiceCode == code);
            if (DateTimeOffset.TryParse(query["start_date"], CultureInfo.InvariantCulture, out var start)) listed = listed.Where(r => r.RequestedAt >= start);
            if (DateTimeOffset.TryParse(query["end_date"], CultureInfo.InvariantCulture, out var end)) listed = listed.Where(r => r.RequestedAt <= end);
        }
        return Xml(context, 200, new XElement("service_requests", listed.OrderBy(r => r.RequestedAt).Select(r => r.ToXml())));
    }

    private static XElement Errors(int code, string description) =>
        new("errors", new XElement("error", new XElement("code", code), new XElement("description", description)));

    private static async Task Xml(HttpContext context, int status, XElement root)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
