using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries.Planning;

/// <summary>
/// Where the catalogue sends a service's reports now: the service's own delivery block, else its jurisdiction's
/// (with the service's <c>delivery_settings</c> laid over). A planned delivery keeps the route it got here.
/// </summary>
public static class DeliveryRoutes
{
    public static DeliveryRoute? For(Service service, Jurisdiction jurisdiction)
    {
        if (HasOwnRoute(service))
            return Route(service.DeliveryAdapter!, service.DeliveryEndpoint!, jurisdiction, RouteKeyOf(service), service.DeliverySettings,
                service.DeliveryStatuses) with { ExternalServiceCode = service.ExternalCode, AttributeCodes = service.ExternalAttributes };
        if (ForJurisdiction(jurisdiction) is not { } route) return null;
        var settings = new Dictionary<string, string>(jurisdiction.DeliverySettings, StringComparer.Ordinal);
        foreach (var (key, value) in service.DeliverySettings) settings[key] = value;
        return route with { Settings = settings, ExternalServiceCode = service.ExternalCode, AttributeCodes = service.ExternalAttributes };
    }

    /// <summary>The jurisdiction's own route, without any service's mapping: what a status poll of the jurisdiction uses.</summary>
    public static DeliveryRoute? ForJurisdiction(Jurisdiction jurisdiction) =>
        jurisdiction is { DeliveryAdapter: { } adapter, DeliveryEndpoint: { } endpoint }
            ? Route(adapter, endpoint, jurisdiction, jurisdiction.Id, jurisdiction.DeliverySettings, jurisdiction.DeliveryStatuses)
            : null;

    public static bool HasOwnRoute(Service service) => service is { DeliveryAdapter: not null, DeliveryEndpoint: not null };

    public static string RouteKeyOf(Service service) => service.JurisdictionId + "/" + service.Code;

    private static DeliveryRoute Route(string adapter, string endpoint, Jurisdiction jurisdiction, string routeKey,
        Dictionary<string, string> settings, Dictionary<string, string> statuses) => new()
    {
        Adapter = adapter,
        Endpoint = endpoint,
        JurisdictionId = jurisdiction.Id,
        TimeZone = jurisdiction.TimeZone,
        RouteKey = routeKey,
        Settings = new Dictionary<string, string>(settings, StringComparer.Ordinal),
        StatusMap = new Dictionary<string, string>(statuses, StringComparer.Ordinal),
    };
}
