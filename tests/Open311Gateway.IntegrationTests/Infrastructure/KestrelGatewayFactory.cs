using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// The API on a real Kestrel port of 127.0.0.1 (chosen by the system), for a browser. A factory of its own: one made by
/// WithWebHostBuilder does not start its Kestrel server.
/// </summary>
public sealed class KestrelGatewayFactory : WebApplicationFactory<Program>
{
    private readonly Action<IWebHostBuilder> _configure;

    public KestrelGatewayFactory(Action<IWebHostBuilder> configure)
    {
        _configure = configure;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => _configure(builder);
}
