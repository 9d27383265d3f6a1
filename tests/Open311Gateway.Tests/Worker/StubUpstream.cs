using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Open311Gateway.Tests.Worker;

/// <summary>
/// Stands in for an upstream GeoReport v2 server: records each request (with its body) and answers as the test says,
/// by method and path, so one stub can serve the POST, the token and the list a delivery asks for.
/// </summary>
public sealed class StubUpstream(Func<HttpRequestMessage, string, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public StubUpstream(Func<HttpRequestMessage, string, HttpResponseMessage> answer)
        : this((request, body, _) => Task.FromResult(answer(request, body)))
    {
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) => Answer(status, body, "application/json");

    public static HttpResponseMessage Xml(HttpStatusCode status, string body) => Answer(status, body, "text/xml");

    public static HttpResponseMessage Answer(HttpStatusCode status, string body, string mediaType) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>The calls to one resource (the path's end, such as <c>requests.json</c> or <c>tokens/t-1.json</c>), in order.</summary>
    public IReadOnlyList<ReceivedCall> To(HttpMethod method, string resource) =>
        Calls.Where(c => c.Request.Method == method && c.Request.RequestUri!.AbsolutePath.EndsWith("/" + resource, StringComparison.Ordinal)).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Calls.Enqueue(new ReceivedCall(request, body));
        return await answer(request, Encoding.UTF8.GetString(body), cancellationToken);
    }
}
