namespace Open311Gateway.Api.Http;

/// <summary>
/// HEAD is answered like GET without a body (RFC 9110 9.3.2), on every GET resource, controllers and minimal
/// endpoints alike: link checkers and caches ask HEAD, and routes only know GET. The request runs as GET, so status,
/// headers and Content-Length are GET's; the body it writes goes nowhere.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
            context.Response.Body = Stream.Null;
        }
        return next(context);
    });
}
