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
/// records every POST and opens one case per Idempotency-Key (a repeat gets the same case). Tests make
/// it fail, refuse or dawdle for the reports whose body contains a marker of theirs, so tests that
/// share it do not disturb each other.
/// </summary>
public sealed class RecordingBackOffice : IAsyncDisposable
{
    public const string Secret = "test-hmac-key-für-musterstadt";

    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private readonly ConcurrentDictionary<string, string> _cases = new();
    private readonly ConcurrentDictionary<string, IResult> _answers = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();
    private WebApplication? _app;
    private int _caseNumber;

    /// <summary>Every POST that arrived, repeats included.</summary>
    public IReadOnlyList<ReceivedDelivery> Received => _received.ToList();

    /// <summary>Cases opened: one per distinct Idempotency-Key.</summary>
    public IReadOnlyDictionary<string, string> Cases => _cases;

    public string Url { get; private set; } = "";

    /// <summary>Answers with a transient error (such as 503) until told to stop.</summary>
    public void FailWhenBodyContains(string marker, HttpStatusCode status) => _answers[marker] = Results.StatusCode((int)status);

    public void StopFailingWhenBodyContains(string marker) => _answers.TryRemove(marker, out _);

    /// <summary>Refuses for good: a 4xx with a reason.</summary>
    public void RefuseWhenBodyContains(string marker, HttpStatusCode status, string reason) =>
        _answers[marker] = Results.Json(new { error = reason }, statusCode: (int)status);

    /// <summary>Takes this long before answering, so a worker can be caught in the middle of a delivery.</summary>
    public void SlowDownWhenBodyContains(string marker, TimeSpan delay) => _delays[marker] = delay;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/webhook", HandleAsync);
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/webhook";
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var body = Encoding.UTF8.GetString(bytes);
        var key = request.Headers["Idempotency-Key"].ToString();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedDelivery(key, body, SignatureMatches(request, bytes), headers));

        foreach (var (marker, delay) in _delays)
            if (body.Contains(marker, StringComparison.Ordinal)) await Task.Delay(delay);
        foreach (var (marker, answer) in _answers)
            if (body.Contains(marker, StringComparison.Ordinal)) return answer;
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
