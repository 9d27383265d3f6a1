using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Open311Gateway.Bench.Receivers;

/// <summary>A mail server that accepts every mail and reads our id from its Message-ID (<c>report-{id}.{jurisdiction}@…</c>).</summary>
public sealed partial class SmtpReceiver : IBenchReceiver
{
    private CancellationTokenSource? _stop;
    private Task? _running;

    public ArrivalLog Arrivals { get; } = new();

    public Task StartAsync(int port)
    {
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Arrivals));
        services.Add((ISmtpCommandFactory)new NoPipeliningCommandFactory());
        var options = new SmtpServerOptionsBuilder().ServerName("bench.example").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return Task.Delay(500);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is null || _running is null) return;
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
    }

    private sealed class Store(ArrivalLog arrivals) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // The headers come first; the id is in the Message-ID, so the body need not be parsed.
            var head = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 8192)).ToArray());
            if (ReportMessageId().Match(head) is { Success: true } match) arrivals.Arrived(match.Groups[1].Value);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    [GeneratedRegex(@"Message-ID:\s*<report-(\d+)\.", RegexOptions.IgnoreCase)]
    private static partial Regex ReportMessageId();
}
