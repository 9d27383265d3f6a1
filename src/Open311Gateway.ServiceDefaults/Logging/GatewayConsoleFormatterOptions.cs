using Microsoft.Extensions.Logging.Console;

namespace Open311Gateway.ServiceDefaults.Logging;

/// <summary>Options of <see cref="GatewayConsoleFormatter"/> (section <c>Logging:Console:FormatterOptions</c>).</summary>
public sealed class GatewayConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>One JSON object per line (the default, for log collectors); false: one plain text line.</summary>
    public bool Json { get; set; } = true;
}
