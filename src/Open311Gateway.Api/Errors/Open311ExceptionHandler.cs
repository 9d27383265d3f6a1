using Microsoft.AspNetCore.Diagnostics;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Errors;

/// <summary>Every failure still answers an Open311 error list in the client's format.</summary>
public sealed class Open311ExceptionHandler(ILogger<Open311ExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var format = context.Items[typeof(Open311Format)] as Open311Format? ?? Open311Formats.FromPath(context.Request.Path);
        var (status, description) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large." : "The request could not be read: " + bad.Message),
            _ when DatabaseOutage.IsOutage(exception) =>
                (StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable; please retry later."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error; it has been logged."),
        };
        if (status >= 500) logger.LogError(exception, "Request {Method} {Path} failed with {Status}", context.Request.Method, context.Request.Path, status);
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "30";
        await Open311Response.WriteErrorsAsync(context.Response, format, status, description);
        return true;
    }
}
