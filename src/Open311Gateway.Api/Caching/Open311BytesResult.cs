using Microsoft.AspNetCore.Mvc;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Caching;

/// <summary>An answer rendered once and kept (a jurisdiction's services, a service definition), written as it is.</summary>
public sealed class Open311BytesResult(ReadOnlyMemory<byte> body, Open311Format format) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = format.ContentType();
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
