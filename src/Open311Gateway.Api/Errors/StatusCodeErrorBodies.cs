using Microsoft.AspNetCore.Diagnostics;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Errors;

/// <summary>Gives bodiless 4xx/5xx answers of the framework (no route, wrong method) an Open311 error body.</summary>
public static class StatusCodeErrorBodies
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var format = http.Items[typeof(Open311Format)] as Open311Format? ?? Open311Formats.FromPath(http.Request.Path);
        var status = http.Response.StatusCode;
        var description = status switch
        {
            StatusCodes.Status404NotFound => $"Unknown resource '{http.Request.PathBase}{http.Request.Path}'.",
            StatusCodes.Status405MethodNotAllowed => $"Method {http.Request.Method} is not allowed on this resource.",
            _ => $"The request failed with HTTP status {status}.",
        };
        return Open311Response.WriteErrorsAsync(http.Response, format, status, description);
    }
}
