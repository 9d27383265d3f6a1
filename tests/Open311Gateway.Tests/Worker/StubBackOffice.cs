using System.Net;

using System.Collections.Concurrent;

namespace Open311Gateway.Tests.Worker;

/// <summary>Stands in for a back office: records each request (with its body) and answers as told.</summary>
public sealed class StubBackOffice(Func<int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public static StubBackOffice Answering(HttpStatusCode status, string body = "") =>
        new((_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) }));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Calls.Enqueue(new ReceivedCall(request, body));
        return await answer(Calls.Count, cancellationToken);
    }
}
