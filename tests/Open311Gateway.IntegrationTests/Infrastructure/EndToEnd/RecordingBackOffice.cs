using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// A municipality's case system as the webhook adapter meets it: a real HTTP server on loopback that
/// records every POST, opens one case per Idempotency-Key (a repeat gets the same case), and can be
/// told to fail or to answer slowly.
/// </summary>
public sealed class RecordingBackOffice : IAsyncDisposable
{
    public const string Secret = "test-hmac-key-für-musterstadt";

    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private readonly ConcurrentDictionary<string, string> _cases = new();
    private WebApplication? _app;
    private int _caseNumber;

    /// <summary>Every POST that arrived, repeats included.</summary>
    public IReadOnlyList<ReceivedDelivery> Received => _received.ToList();

    /// <summary>Cases opened: one per distinct Idempotency-Key.</summary>
    public IReadOnlyDictionary<string, string> Cases => _cases;

    /// <summary>When set, every POST is answered with this status and opens no case.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>Time taken before answering (to catch a worker in the middle of a delivery).</summary>
    public TimeSpan Delay { get; set; }

    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/webhook", HandleAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = address + "/webhook";
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var key = request.Headers["Idempotency-Key"].ToString();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedDelivery(key, Encoding.UTF8.GetString(body), SignatureMatches(request, body), headers));

        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        if (FailWith is { } status) return Results.StatusCode((int)status);
        var caseId = _cases.GetOrAdd(key, _ => "CASE-" + Interlocked.Increment(ref _caseNumber));
        return Results.Json(new { case_id = caseId });
    }

    private static bool SignatureMatches(HttpRequest request, byte[] body)
    {
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        return request.Headers["X-Open311-Signature"].ToString() == expected;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
