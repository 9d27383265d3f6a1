using Microsoft.AspNetCore.Http.Features;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Reads a POST's fields from the query string and a form-encoded (the standard), multipart or JSON body.
/// The body is read as it streams in, within <see cref="BodyLimits"/>: a body past them is refused (413) as soon
/// as it passes them, before it is held whole, whatever its Content-Length claimed (ADR 2, ADR 14).
/// </summary>
public static class SubmittedFieldsReader
{
    public static async Task<(SubmittedFields? Fields, Open311Error? Error)> ReadAsync(HttpRequest request, BodyLimits limits, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.MaxBodyBytes) return (null, TooLarge(BodyBudget.BodyTooLarge(limits)));
        // Kestrel's own limit (30 MB) must not cut a body our limits allow (a larger Photos:MaxBytes); ours apply anyway.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel
            && kestrel.MaxRequestBodySize < limits.MaxBodyBytes)
            kestrel.MaxRequestBodySize = limits.MaxBodyBytes + 1;
        var budget = new BodyBudget(limits);
        var body = new BoundedBodyStream(request.Body, budget);

        var fields = new SubmittedFields();
        foreach (var (name, values) in request.Query)
            foreach (var value in values) fields.Add(name, value);

        try
        {
            var (read, error) = await ParseAsync(request, body, fields, budget, cancellationToken);
            // As before bodies were read as they stream: an oversized body is 413 even when it is broken early on.
            if (error is not null) await DrainAsync(body, cancellationToken);
            return (read, error);
        }
        catch (BodyTooLargeException e)
        {
            return (null, TooLarge(e.Message));
        }
    }

    private static async Task<(SubmittedFields?, Open311Error?)> ParseAsync(
        HttpRequest request, Stream body, SubmittedFields fields, BodyBudget budget, CancellationToken cancellationToken)
    {
        try
        {
            var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            switch (mediaType)
            {
                case "application/x-www-form-urlencoded":
                    await FormBodyReader.ReadAsync(body, fields, budget, cancellationToken);
                    return (fields, null);
                case "multipart/form-data":
                    await MultipartBodyReader.ReadAsync(body, request.ContentType, fields, budget, cancellationToken);
                    return (fields, null);
                case "application/json":
                    var error = await JsonBodyReader.ReadAsync(body, fields, budget, cancellationToken);
                    return error is null ? (fields, null) : (null, error);
                default:
                    // No body at all (fields in the query string) needs no content type.
                    var empty = await body.ReadAsync(new byte[1], cancellationToken) == 0;
                    return empty ? (fields, null) : (null, new(StatusCodes.Status400BadRequest,
                        $"Unsupported Content-Type '{request.ContentType}': send application/x-www-form-urlencoded (or application/json)."));
            }
        }
        catch (InvalidTextException e)
        {
            return (null, new(StatusCodes.Status400BadRequest, e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            return (null, new(StatusCodes.Status400BadRequest, "The request body could not be read as " + request.ContentType + "."));
        }
    }

    /// <summary>Reads the rest of a refused body without keeping it, so that the budget can still call it too large.</summary>
    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var scratch = new byte[16 * 1024];
        try
        {
            while (await body.ReadAsync(scratch, cancellationToken) > 0) { }
        }
        catch (IOException)
        {
            // The client went away: its 400 stands.
        }
    }

    private static Open311Error TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, message);

    internal static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
