namespace Open311Gateway.Contracts.Adapters;

/// <summary>How a back office's statuses reach the gateway.</summary>
public enum StatusFlow
{
    /// <summary>The back office calls our back-office API.</summary>
    Pushed,
    /// <summary>The API schedules polls; the worker asks the back office what changed.</summary>
    Pulled,
    /// <summary>A clerk follows signed links in the message (e-mail).</summary>
    Links,
}
