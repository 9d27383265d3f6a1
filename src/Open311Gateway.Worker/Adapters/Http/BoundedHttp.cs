using System.Text;

namespace Open311Gateway.Worker.Adapters.Http;

/// <summary>
/// One HTTP exchange with a back office, bounded as a whole: headers, body and all within the timeout (a back office
/// that sends headers and then stalls must not hold a consumer for ever), the body read only up to a cap.
/// </summary>
public static class BoundedHttp
{
    /// <summary>Enough for ids, error texts and a page of JSON; a back office answering with more must not fill our memory.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <exception cref="HttpExchangeTimeoutException">The exchange took longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="HttpRequestException">The back office could not be reached or broke the connection.</exception>
    public static async Task<HttpAnswer> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout,
        CancellationToken cancellationToken, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, bounded.Token);
            var body = await ReadCappedAsync(response.Content, maxBodyBytes, bounded.Token);
            return new HttpAnswer((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpExchangeTimeoutException(request.RequestUri?.Host ?? "the back office", timeout);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            // A connection that breaks while the body is read surfaces as an IOException, not as an HttpRequestException.
            throw new HttpRequestException(e.Message, e);
        }
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, int maxBodyBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(maxBodyBytes, 64 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while (collected.Length < maxBodyBytes
            && (read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, maxBodyBytes - collected.Length)), cancellationToken)) > 0)
            collected.Write(buffer, 0, read);
        return Encoding.UTF8.GetString(collected.GetBuffer(), 0, (int)collected.Length);
    }
}
