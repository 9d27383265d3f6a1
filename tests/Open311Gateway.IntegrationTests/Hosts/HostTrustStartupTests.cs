using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Open311Gateway.IntegrationTests.Hosts;

/// <summary>Outside Development the gateway refuses to start without knowing its public name (ADR 17).</summary>
public sealed class HostTrustStartupTests
{
    private static Exception StartFails(params (string Key, string Value)[] settings)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production").UseSetting("ConnectionStrings:Gateway", "Host=127.0.0.1;Port=1;Database=none;Username=postgres");
            web.UseSetting("AllowedHosts", "*");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
        });
        var failure = Record.Exception(() => factory.CreateClient());
        Assert.NotNull(failure);
        return Assert.IsType<OptionsValidationException>(failure.GetBaseException());
    }

    [Fact]
    public void Without_a_public_url_or_allowed_hosts_the_api_does_not_start()
    {
        var failure = StartFails();
        Assert.Contains("Outside Development the gateway must know its public name: set Open311:PublicUrl", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_url_off_the_base_path_needs_a_photo_base_url()
    {
        var failure = StartFails(("Open311:PublicUrl", "https://open311.example.org/georeport"));
        Assert.Contains("set Photos:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Open311:PublicUrl", "open311.example.org/open311/v2", "Open311:PublicUrl must be an absolute http(s) URL")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300", "ForwardedHeaders:KnownProxies")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/40", "ForwardedHeaders:KnownNetworks")]
    [InlineData("RateLimits:GetPerAddress:PermitLimit", "-1", "RateLimits: every PermitLimit")]
    [InlineData("RateLimits:PostPerKey:WindowSeconds", "0", "RateLimits: every WindowSeconds")]
    public void Wrong_settings_stop_the_start_with_a_message_naming_them(string key, string value, string message)
    {
        var failure = StartFails(("AllowedHosts", "open311.example.org"), (key, value));
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}
