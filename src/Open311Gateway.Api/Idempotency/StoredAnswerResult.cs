using Microsoft.AspNetCore.Mvc;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Idempotency;

/// <summary>The original answer to a repeated POST, byte for byte, marked as a replay.</summary>
public sealed class StoredAnswerResult(IdempotencyRecord stored) : IActionResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = stored.ResponseStatus!.Value;
        response.ContentType = stored.ResponseContentType;
        response.Headers[ReplayedHeader] = "true";
        var body = stored.ResponseBody ?? [];
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
