namespace Open311Gateway.Contracts;

/// <summary>
/// Queue names. Each jurisdiction has a queue of its own, so a municipality can run its worker in its
/// own network and receive only its own reports (and its own status polls).
/// </summary>
public static class DeliveryQueues
{
    /// <summary>Where workers send what they did: delivery outcomes and poll answers. The API consumes it.</summary>
    public const string Outcomes = "open311-delivery-outcomes";

    public static string ForJurisdiction(string jurisdictionId) => "open311-deliver-" + jurisdictionId;
}
