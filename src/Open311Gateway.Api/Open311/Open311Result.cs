using Microsoft.AspNetCore.Mvc;

namespace Open311Gateway.Api.Open311;

/// <summary>An action result that renders an <see cref="Open311Document"/> as XML or JSON.</summary>
public sealed class Open311Result(Open311Document document, Open311Format format, int statusCode = StatusCodes.Status200OK) : IActionResult
{
    public Open311Document Document => document;
    public int StatusCode => statusCode;
    public Open311Format Format => format;

    public Task ExecuteResultAsync(ActionContext context) =>
        Open311Response.WriteAsync(context.HttpContext.Response, document, format, statusCode);
}
