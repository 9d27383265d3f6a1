using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Open311Gateway.IntegrationTests.Infrastructure.Email;

/// <summary>
/// A municipality's mail server as the e-mail adapter meets it: a real SMTP server (NuGet SmtpServer) on loopback
/// that records every mail it accepts. Tests make it refuse or dawdle for mails whose plain text contains a
/// marker of theirs, and stop and start it; it comes back on the same port.
/// </summary>
public sealed class RecordingSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _accepted = new();
    private readonly ConcurrentQueue<ReceivedMail> _tried = new();
    private readonly ConcurrentDictionary<string, SmtpResponse> _answers = new();
    private readonly ConcurrentDictionary<string, (TimeSpan Delay, int Remaining)> _delays = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; private set; }

    /// <summary>Mails the server answered 250 to, repeats included, in order of acceptance.</summary>
    public IReadOnlyList<ReceivedMail> Accepted => _accepted.ToList();

    /// <summary>Every mail that reached DATA's end, refused ones included.</summary>
    public IReadOnlyList<ReceivedMail> Tried => _tried.ToList();

    public IReadOnlyList<ReceivedMail> AcceptedWithId(string messageId) => Accepted.Where(m => m.MessageId == messageId).ToList();

    /// <summary>Answers the final dot with this (a 4xx or 5xx) until told to stop.</summary>
    public void AnswerWhenTextContains(string marker, int code, string text) => _answers[marker] = new SmtpResponse((SmtpReplyCode)code, text);

    public void StopAnsweringWhenTextContains(string marker) => _answers.TryRemove(marker, out _);

    /// <summary>Waits this long before accepting the next <paramref name="times"/> such mails, so a client can be caught mid-send.</summary>
    public void SlowDownWhenTextContains(string marker, TimeSpan delay, int times = int.MaxValue) => _delays[marker] = (delay, times);

    public async Task StartAsync()
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new RecordingMessageStore(this));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.teststadt.example")
            // Port 0 the first time (the system picks a free one), the same port after a stop.
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        var first = await Task.WhenAny(started.Task, _running, Task.Delay(TimeSpan.FromSeconds(10)));
        if (first != started.Task)
        {
            if (_running.IsFaulted) await _running;
            throw new InvalidOperationException("The test SMTP server did not start listening.");
        }
        Port = await started.Task;
    }

    /// <summary>Stops listening and ends open sessions: the worker then finds the port refusing connections.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null) return;
        await _stop.CancelAsync();
        try { await _running; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    internal async Task<SmtpResponse> SaveAsync(IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        var mail = new ReceivedMail(transaction.From.AsAddress(), transaction.To.Select(t => t.AsAddress()).ToList(), message, DateTimeOffset.UtcNow);
        _tried.Enqueue(mail);
        foreach (var (marker, (delay, remaining)) in _delays)
        {
            if (!mail.Text.Contains(marker, StringComparison.Ordinal) || remaining <= 0) continue;
            _delays[marker] = (delay, remaining - 1);
            // Not the session's token: like a real server, it finishes storing a mail whose client has gone.
            await Task.Delay(delay, CancellationToken.None);
        }
        foreach (var (marker, answer) in _answers)
            if (mail.Text.Contains(marker, StringComparison.Ordinal)) return answer;
        _accepted.Enqueue(mail);
        return SmtpResponse.Ok;
    }
}
