using System.Net.Http.Headers;
using Open311Gateway.Worker.Adapters.Http;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>
/// The raw HTTP side of the Redmine adapter: one JSON exchange with Redmine's REST API, with the jurisdiction's key,
/// bounded as a whole by the timeout, to an address the worker's configuration allows.
/// </summary>
public sealed class RedmineClient(HttpClient http, DestinationPolicy destinations)
{
    public const string UserAgent = "Open311Gateway-Worker/1.0";
    public const string KeyHeader = "X-Redmine-API-Key";

    // A page of 100 issues with long descriptions, or an issue with hundreds of journals, fits; a cut-off answer
    // would be unreadable JSON and fail the poll.
    private const int MaxBodyBytes = 8 * 1024 * 1024;

    /// <exception cref="DestinationNotAllowedException">The host is not allowed for the jurisdiction.</exception>
    /// <exception cref="HttpExchangeTimeoutException">No complete answer in time.</exception>
    /// <exception cref="HttpRequestException">Redmine could not be reached.</exception>
    public async Task<HttpAnswer> SendAsync(
        RedmineTarget target, HttpMethod method, string relativeUrl, byte[]? json, CancellationToken cancellationToken)
    {
        var uri = new Uri(target.BaseUri, relativeUrl);
        destinations.EnsureAllowed(target.JurisdictionId, uri);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.ParseAdd(UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation(KeyHeader, target.ApiKey);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        return await BoundedHttp.SendAsync(http, request, target.Timeout, cancellationToken, MaxBodyBytes);
    }
}
