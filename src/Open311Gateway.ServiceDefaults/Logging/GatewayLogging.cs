using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Open311Gateway.ServiceDefaults.Logging;

public static class GatewayLogging
{
    /// <summary>
    /// The console logger writes <see cref="GatewayConsoleFormatter"/>'s lines unless <c>Logging:Console:FormatterName</c>
    /// names another formatter (ASP.NET Core's own ones do not redact: ADR 19).
    /// </summary>
    public static IHostApplicationBuilder AddGatewayLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddConsole();
        builder.Logging.AddConsoleFormatter<GatewayConsoleFormatter, GatewayConsoleFormatterOptions>();
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.FormatterName ??= GatewayConsoleFormatter.FormatterName);
        return builder;
    }
}
