namespace Open311Gateway.Contracts;

/// <summary>
/// Queue names. Each jurisdiction has a queue of its own, so a municipality can run its worker in its
/// own network and receive only its own reports.
/// </summary>
public static class DeliveryQueues
{
    public const string Outcomes = "open311-delivery-outcomes";

    public static string ForJurisdiction(string jurisdictionId) => "open311-deliver-" + jurisdictionId;
}
