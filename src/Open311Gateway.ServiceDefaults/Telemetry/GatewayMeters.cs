namespace Open311Gateway.ServiceDefaults.Telemetry;

/// <summary>The gateway's own meters; instruments are named <c>open311.&lt;thing&gt;</c> (ADR 19 lists them).</summary>
public static class GatewayMeters
{
    public const string Api = "Open311Gateway.Api";
    public const string Worker = "Open311Gateway.Worker";
    /// <summary>MassTransit's meter and activity source (its default instrumentation name).</summary>
    public const string MassTransit = "MassTransit";
}
