using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters.Http;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// The exchanges of one delivery or poll with one upstream. Every URL is checked against the worker's destinations
/// before it is asked, so no resource of a forged route (nor one an upstream's answer led to) is reached.
/// </summary>
public sealed class UpstreamConversation(
    Open311UpstreamClient client, DestinationPolicy destinations, DeliveryRoute route, UpstreamEndpoint upstream, TimeSpan timeout)
{
    public UpstreamEndpoint Upstream => upstream;

    public DeliveryRoute Route => route;

    /// <exception cref="DestinationNotAllowedException">Poison: the host is not allowed for the jurisdiction.</exception>
    /// <exception cref="HttpExchangeTimeoutException">No complete answer in time.</exception>
    /// <exception cref="HttpRequestException">Unreachable, or the connection broke.</exception>
    public Task<HttpAnswer> PostAsync(Uri uri, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        destinations.EnsureAllowed(route.JurisdictionId, uri);
        return client.PostFormAsync(uri, fields, upstream.Format, timeout, cancellationToken);
    }

    /// <inheritdoc cref="PostAsync"/>
    public Task<HttpAnswer> GetAsync(Uri uri, CancellationToken cancellationToken, bool isList = false)
    {
        destinations.EnsureAllowed(route.JurisdictionId, uri);
        return client.GetAsync(uri, upstream.Format, timeout, cancellationToken, isList);
    }

    /// <summary>
    /// The upstream id behind a batch service's token, or null while it has none: <c>tokens/{token}</c> answers with an
    /// element without an id, or 404, or anything else but an id. Throws as <see cref="PostAsync"/> does.
    /// </summary>
    public async Task<string?> ResolveTokenAsync(string token, CancellationToken cancellationToken)
    {
        var answer = await GetAsync(upstream.Token(token), cancellationToken);
        if (!answer.IsSuccess) return null;
        var document = UpstreamDocument.Read(answer);
        return document.Items.Select(i => i["service_request_id"]).FirstOrDefault(id => id is not null);
    }
}
