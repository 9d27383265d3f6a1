using System.Net.Http.Headers;
using Open311Gateway.Worker.Adapters.Http;

namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>The raw HTTP side of the webhook adapter: one signed POST, bounded as a whole by the timeout.</summary>
public sealed class WebhookClient(HttpClient http)
{
    public const string UserAgent = "Open311Gateway-Worker/1.0";

    // Enough for a case id or an error text; a back office that answers with a whole page must not fill our memory.
    private const int MaxBodyBytes = 64 * 1024;

    public async Task<HttpAnswer> PostAsync(
        Uri endpoint, byte[] body, IReadOnlyDictionary<string, string> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return await BoundedHttp.SendAsync(http, request, timeout, cancellationToken, MaxBodyBytes);
    }
}
