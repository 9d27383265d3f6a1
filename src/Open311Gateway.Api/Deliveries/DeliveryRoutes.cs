using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries;

/// <summary>Where a service's reports go: the service's own delivery block, else its jurisdiction's.</summary>
public static class DeliveryRoutes
{
    public static DeliveryRoute? For(Service service, Jurisdiction jurisdiction)
    {
        var adapter = service.DeliveryAdapter ?? jurisdiction.DeliveryAdapter;
        var endpoint = service.DeliveryEndpoint ?? jurisdiction.DeliveryEndpoint;
        if (adapter is null || endpoint is null) return null;
        return new DeliveryRoute
        {
            Adapter = adapter,
            Endpoint = endpoint,
            JurisdictionId = jurisdiction.Id,
            ExternalServiceCode = service.ExternalCode,
            TimeZone = jurisdiction.TimeZone,
        };
    }
}
