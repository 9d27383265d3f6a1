using Microsoft.Extensions.Options;

namespace Open311Gateway.Api.Open311;

/// <summary>
/// GeoReport v2 picks the format by suffix (<c>services.xml</c>, <c>requests/7.json</c>). This strips the
/// suffix before routing and remembers the format, so routes stay plain and a service code may itself
/// contain dots. An unknown or missing suffix answers 404 with a JSON error body, as the standard says.
/// </summary>
public sealed class Open311FormatMiddleware(RequestDelegate next, IOptions<Open311Options> options)
{
    private readonly PathString _basePath = new(options.Value.BasePath.TrimEnd('/'));

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(_basePath, out var resource) || !resource.HasValue || resource.Value == "/")
            return next(context);

        var path = context.Request.Path.Value!;
        var lastSlash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        if (dot <= lastSlash + 1 || !Open311Formats.TryParse(path[(dot + 1)..], out var format))
            return Open311Response.WriteErrorsAsync(context.Response, Open311Format.Json, StatusCodes.Status404NotFound,
                $"Unknown resource '{path}': GeoReport v2 resources end in .json or .xml.");

        context.Items[typeof(Open311Format)] = format;
        context.Request.Path = new PathString(path[..dot]);
        return next(context);
    }
}
