using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no socket; this stands in for one: the address in <see cref="Header"/> becomes the
/// connection's remote address before the gateway's pipeline runs, as Kestrel's would (the header is then removed,
/// so the gateway never sees it).
/// </summary>
public sealed class SocketAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Socket-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.Remove(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            return nextMiddleware(context);
        });
        next(app);
    };
}
