using Microsoft.AspNetCore.Mvc;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> around a client app's POST (requests, servicerequestupdates; specs/idempotency.md).
/// Without the header nothing changes. With it, the key is claimed after the api_key was accepted (it is scoped to
/// the client app), a 2xx answer is kept for a repeat, and any other outcome frees the key again.
/// </summary>
public sealed class IdempotentPosts(IdempotencyStore store, ILogger<IdempotentPosts> logger)
{
    /// <returns>The lease to run the POST under (null: no header), or the answer to give instead of running it.</returns>
    public async Task<(IdempotencyLease? Lease, IActionResult? Answer)> BeginAsync(
        HttpRequest request, Open311Format format, ApiClient client, SubmittedFields fields, CancellationToken cancellationToken)
    {
        var (key, error) = IdempotencyKeyHeader.Read(request);
        if (error is not null) return (null, Error(format, StatusCodes.Status400BadRequest, error));
        if (key is null) return (null, null);

        // The resource and its format belong to the request: the same fields to requests.xml are another request.
        var resource = $"{request.PathBase}{request.Path}.{format.ToString().ToLowerInvariant()}";
        var claim = await store.ClaimAsync(client.Id, key, SubmissionFingerprint.Of(resource, fields), cancellationToken);
        switch (claim.Verdict)
        {
            case IdempotencyVerdict.Claimed:
                return (claim.Lease, null);
            case IdempotencyVerdict.Replay:
                return (null, new StoredAnswerResult(claim.Stored!));
            case IdempotencyVerdict.Mismatch:
                return (null, Error(format, StatusCodes.Status422UnprocessableEntity,
                    $"This {IdempotencyKeyHeader.Name} was used for a different request; send a new key with a new request."));
            default:
                return (null, InFlight(request.HttpContext.Response, format));
        }
    }

    /// <summary>Runs the POST under the lease: keeps a 2xx answer (unless the POST stored it itself), frees the key otherwise.</summary>
    public async Task<IActionResult> RunAsync(IdempotencyLease? lease, HttpResponse response, Func<Task<Open311Result>> post)
    {
        if (lease is null) return await post();
        Open311Result answer;
        try
        {
            answer = await post();
            if (answer.StatusCode is < 200 or >= 300) await store.ReleaseAsync(lease, CancellationToken.None);
            else if (!lease.Completed) await CompleteAsync(lease, answer, CancellationToken.None);
        }
        catch (IdempotencyLeaseLostException)
        {
            // Another process runs this request now: its answer is the one a retry will get.
            return InFlight(response, answer: null);
        }
        catch
        {
            await TryReleaseAsync(lease);
            throw;
        }
        return answer;
    }

    /// <summary>Stores <paramref name="answer"/> as the key's answer; called inside the POST's transaction where it has one.</summary>
    public Task CompleteAsync(IdempotencyLease lease, Open311Result answer, CancellationToken cancellationToken) =>
        store.CompleteAsync(lease, answer.StatusCode, answer.Format.ContentType(), Open311Response.Render(answer.Document, answer.Format), cancellationToken);

    private async Task TryReleaseAsync(IdempotencyLease lease)
    {
        try
        {
            await store.ReleaseAsync(lease, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The database is away: the lease runs out on its own.
            logger.LogWarning(e, "Could not free an Idempotency-Key after a failed POST; it is free again when its lease ends");
        }
    }

    private static Open311Result InFlight(HttpResponse response, Open311Format? answer)
    {
        response.Headers.RetryAfter = "1";
        var format = answer ?? (response.HttpContext.Items[typeof(Open311Format)] as Open311Format? ?? Open311Format.Json);
        return Error(format, StatusCodes.Status409Conflict,
            $"A request with this {IdempotencyKeyHeader.Name} is still being processed; send it again in a moment to get its answer.");
    }

    private static Open311Result Error(Open311Format format, int status, string description) =>
        new(Open311Document.Errors([new Open311Error(status, description)]), format, status);
}
