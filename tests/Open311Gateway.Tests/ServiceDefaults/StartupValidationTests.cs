using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Open311Gateway.ServiceDefaults;
using Open311Gateway.ServiceDefaults.Bus;

namespace Open311Gateway.Tests.ServiceDefaults;

/// <summary>Wrong settings stop a process at start-up with a message naming the setting, before it touches the broker.</summary>
public class StartupValidationTests
{
    [Theory]
    [InlineData("Management:Port", "70000", "Management:Port must be between 0 (off) and 65535.")]
    [InlineData("Management:Address", "everywhere", "Management:Address must be an IP address")]
    [InlineData("RabbitMq:Port", "0", "RabbitMq:Port must be between 1 and 65535.")]
    [InlineData("RabbitMq:Host", " ", "RabbitMq:Host is empty")]
    public async Task A_wrong_setting_fails_the_start_and_names_itself(string key, string value, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddGatewayServiceDefaults("test", defaultManagementPort: 0, healthOnManagementPort: true);
        builder.Services.AddGatewayRabbitMq(_ => { }, (_, _) => { });
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, failure.Message);
    }
}
