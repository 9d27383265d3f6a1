using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>
/// What a test makes the upstream gateway do beyond its normal behaviour: be down (503 for everything under the
/// GeoReport base, with an Open311 error body) or store a POSTed report and then hold the answer back, so a worker can
/// be caught after the upstream has the report and before it knows.
/// </summary>
public sealed class UpstreamFaults : IStartupFilter
{
    private volatile bool _down;
    private long _answerDelayTicks;
    private int _reportPosts;
    private int _listReads;

    public bool Down { get => _down; set => _down = value; }

    public TimeSpan PostAnswerDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _answerDelayTicks));
        set => Interlocked.Exchange(ref _answerDelayTicks, value.Ticks);
    }

    /// <summary>POSTs of reports that reached the upstream (refused ones while down included).</summary>
    public int ReportPosts => Volatile.Read(ref _reportPosts);

    /// <summary>GETs of request lists (the adapter's marker lookups and polls).</summary>
    public int ListReads => Volatile.Read(ref _listReads);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(HandleAsync);
        next(app);
    };

    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/open311/v2"))
        {
            await next(context);
            return;
        }
        var isRequests = context.Request.Path.Value!.StartsWith("/open311/v2/requests.", StringComparison.Ordinal);
        if (isRequests && HttpMethods.IsPost(context.Request.Method)) Interlocked.Increment(ref _reportPosts);
        if (isRequests && HttpMethods.IsGet(context.Request.Method)) Interlocked.Increment(ref _listReads);
        if (Down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new[] { new { code = 503, description = "Wartungsarbeiten" } });
            return;
        }
        var delay = PostAnswerDelay;
        if (delay <= TimeSpan.Zero || !isRequests || !HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }
        // The report is stored and committed inside next(); only the answer waits.
        var original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            await next(context);
            await Task.Delay(delay, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
        }
        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }
}
