using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Open311Gateway.Tests.Worker.Redmine;

/// <summary>
/// Stands in for Redmine's REST API in unit tests: answers each request with the first rule whose method and path
/// (with query, unescaped) match, and records every request. Unmatched requests get a 500 that names them.
/// </summary>
public sealed class RedmineStub : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, Func<string, bool> Matches, Func<string, CancellationToken, Task<HttpResponseMessage>> Answer)> _rules = [];

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public IEnumerable<ReceivedCall> CallsTo(HttpMethod method, string pathStart) =>
        Calls.Where(c => c.Request.Method == method && PathAndQuery(c.Request).StartsWith(pathStart, StringComparison.Ordinal));

    public RedmineStub On(HttpMethod method, string pathStart, HttpStatusCode status, string body = "") =>
        On(method, p => p.StartsWith(pathStart, StringComparison.Ordinal), _ => Json(status, body));

    public RedmineStub On(HttpMethod method, Func<string, bool> matches, Func<string, HttpResponseMessage> answer) =>
        On(method, matches, (path, _) => Task.FromResult(answer(path)));

    public RedmineStub On(HttpMethod method, Func<string, bool> matches, Func<string, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _rules.Add((method, matches, answer));
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>The request's path and query below the Redmine base path, unescaped, e.g. <c>issues.json?project_id=maengel&amp;…</c>.</summary>
    public static string PathAndQuery(HttpRequestMessage request)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
        var basePath = new Uri(RedmineSamples.Endpoint + "/").AbsolutePath;
        return path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Calls.Enqueue(new ReceivedCall(request, body));
        var path = PathAndQuery(request);
        foreach (var (method, matches, answer) in _rules)
            if (method == request.Method && matches(path)) return await answer(path, cancellationToken);
        return Json(HttpStatusCode.InternalServerError, $$"""{"errors":["no stub rule for {{request.Method}} {{path}}"]}""");
    }
}
