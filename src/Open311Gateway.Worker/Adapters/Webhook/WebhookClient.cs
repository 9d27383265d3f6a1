using System.Net.Http.Headers;
using System.Text;

namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>The raw HTTP side of the webhook adapter: one signed POST, its answer read with a cap.</summary>
public sealed class WebhookClient(HttpClient http)
{
    public const string UserAgent = "Open311Gateway-Worker/1.0";

    // Enough for a case id or an error text; a back office that answers with a whole page must not fill our memory.
    private const int MaxBodyBytes = 64 * 1024;

    public async Task<WebhookResponse> PostAsync(
        Uri endpoint, byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new WebhookResponse((int)response.StatusCode, await ReadCappedAsync(response.Content, cancellationToken));
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
            filled += read;
        return Encoding.UTF8.GetString(buffer, 0, filled);
    }
}
