using System.Globalization;
using Open311Gateway.Api.Catalog.Boundaries;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.StatusLinks;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.Api.Deliveries.Planning;

/// <summary>Builds the message of one delivery attempt from the stored rows and the delivery's route.</summary>
public sealed class DeliveryMessages(StatusLinkMinter statusLinks)
{
    public ServiceRequestSubmitted ForRequest(Delivery delivery, DeliveryRoute route, ServiceRequest request, Service service) => new()
    {
        DeliveryId = delivery.Id,
        Attempt = delivery.Attempts,
        Route = route,
        ServiceRequestId = request.Id.ToString(CultureInfo.InvariantCulture),
        Token = request.Token,
        JurisdictionId = request.JurisdictionId,
        ServiceCode = service.Code,
        ServiceName = service.Name,
        RequestedAt = request.RequestedAt,
        Description = request.Description,
        Latitude = request.Location?.Y,
        Longitude = request.Location?.X,
        ProjectedCrs = request.ProjectedSrid is { } srid ? ProjectedCrs.Name(srid) : null,
        Easting = request.Easting,
        Northing = request.Northing,
        AddressString = request.AddressString,
        AddressId = request.AddressId,
        MediaUrls = request.MediaUrls,
        Attributes = request.Attributes.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value),
        Email = request.Email,
        Phone = request.Phone,
        FirstName = request.FirstName,
        LastName = request.LastName,
        DeviceId = request.DeviceId,
        AccountId = request.AccountId,
        // Only a back office that reads its messages gets links; a webhook's status comes back through our API.
        StatusLinks = AdapterKinds.Find(route.Adapter)?.Status == StatusFlow.Links ? statusLinks.LinksFor(request, route) : null,
    };

    public CitizenUpdateSubmitted ForCitizenUpdate(Delivery delivery, DeliveryRoute route, RequestUpdate update, ServiceRequest request, Service service) => new()
    {
        DeliveryId = delivery.Id,
        Attempt = delivery.Attempts,
        Route = route,
        UpdateId = update.Id.ToString(CultureInfo.InvariantCulture),
        ServiceRequestId = request.Id.ToString(CultureInfo.InvariantCulture),
        ExternalCaseId = request.ExternalCaseId,
        SubmittedAt = update.UpdatedAt,
        Status = update.Status,
        Description = update.Description,
        MediaUrl = update.MediaUrl,
        Email = update.Email,
        FirstName = update.FirstName,
        LastName = update.LastName,
        AccountId = update.AccountId,
        ServiceCode = service.Code,
        ServiceName = service.Name,
    };
}
