using System.Net.Http.Headers;
using System.Text;
using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>The raw HTTP side of the upstream Open311 adapter: form POSTs and GETs, each bounded as a whole by the timeout.</summary>
public sealed class Open311UpstreamClient(HttpClient http)
{
    public const string UserAgent = "Open311Gateway-Worker/1.0";

    // Enough for an id, a token or an error list.
    private const int MaxAnswerBytes = 64 * 1024;

    // Lists hold up to 1000 requests of up to 4000 characters of description each at a standard server.
    private const int MaxListBytes = 8 * 1024 * 1024;

    public async Task<HttpAnswer> PostFormAsync(
        Uri uri, IReadOnlyList<KeyValuePair<string, string>> fields, string format, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        // UTF-8, percent-encoded (a space as %20, which every form parser reads); the charset says so to servers that look.
        request.Content = new StringContent(FormBody(fields), Encoding.UTF8, "application/x-www-form-urlencoded");
        Prepare(request, format);
        return await BoundedHttp.SendAsync(http, request, timeout, cancellationToken, MaxAnswerBytes);
    }

    public async Task<HttpAnswer> GetAsync(Uri uri, string format, TimeSpan timeout, CancellationToken cancellationToken, bool isList = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        Prepare(request, format);
        return await BoundedHttp.SendAsync(http, request, timeout, cancellationToken, isList ? MaxListBytes : MaxAnswerBytes);
    }

    private static void Prepare(HttpRequestMessage request, string format)
    {
        request.Headers.UserAgent.ParseAdd(UserAgent);
        request.Headers.Accept.ParseAdd(format == UpstreamEndpoint.Xml ? "text/xml" : "application/json");
    }

    private static string FormBody(IReadOnlyList<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
