using Microsoft.Extensions.Options;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Photos;
using Open311Gateway.Api.RateLimiting;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// The start every client app's POST shares (requests, servicerequestupdates), in the order the standard
/// asks: the body, then the key (403 before any other validation) and its rate limit (429, ADR 17), then the jurisdiction. A new report stops
/// after the key (<see cref="ReadKeyedAsync"/>): its jurisdiction may follow from its point.
/// </summary>
public sealed class ClientSubmissionReader(
    ApiKeyService apiKeys, ApiKeyRateLimiter keyLimit, JurisdictionResolver jurisdictions, IOptions<Open311Options> options, IOptions<PhotoOptions> photos)
{
    /// <param name="what">What the client submits, for the 403 message ("a request", "an update").</param>
    /// <param name="acceptsPhoto">Whether one <c>media</c> photo may come with it (new reports), beyond the field limit.</param>
    public async Task<(ClientSubmission? Submission, Open311Error? Error)> ReadAsync(
        HttpRequest request, string what, bool acceptsPhoto, CancellationToken cancellationToken)
    {
        var (keyed, error) = await ReadKeyedAsync(request, what, acceptsPhoto, cancellationToken);
        if (keyed is null) return (null, error);
        var (fields, client, errors) = keyed;
        var resolved = await jurisdictions.ResolveAsync(fields.Single("jurisdiction_id", errors), cancellationToken);
        return resolved.Error is { } unresolved ? (null, unresolved) : (new ClientSubmission(fields, client, resolved, errors), null);
    }

    /// <summary>The body and the key only; the caller finds the jurisdiction.</summary>
    /// <param name="acceptsPhoto">Whether one <c>media</c> photo may come with it (new reports), beyond the field limit.</param>
    public async Task<(KeyedSubmission? Submission, Open311Error? Error)> ReadKeyedAsync(
        HttpRequest request, string what, bool acceptsPhoto, CancellationToken cancellationToken)
    {
        var limits = new BodyLimits(options.Value.MaxRequestBodyBytes, acceptsPhoto ? photos.Value.MaxBytes : null);
        var (fields, readError) = await SubmittedFieldsReader.ReadAsync(request, limits, cancellationToken);
        if (fields is null) return (null, readError);

        var client = await apiKeys.FindClientAsync(fields.All("api_key").FirstOrDefault(), cancellationToken);
        if (client is null) return (null, new(StatusCodes.Status403Forbidden, $"A valid api_key is required to submit {what}."));
        // Only real keys get a window of their own: made-up key ids end at the 403 above (and count per address).
        return keyLimit.Check(client.KeyId, request.HttpContext) is { } limited
            ? (null, limited)
            : (new KeyedSubmission(fields, client, []), null);
    }
}
