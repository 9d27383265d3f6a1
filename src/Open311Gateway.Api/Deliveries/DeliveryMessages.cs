using System.Globalization;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries;

/// <summary>Builds the message of one delivery attempt from the stored rows.</summary>
public static class DeliveryMessages
{
    public static ServiceRequestSubmitted ForRequest(Delivery delivery, DeliveryRoute route, ServiceRequest request, Service service) => new()
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
    };

    public static CitizenUpdateSubmitted ForCitizenUpdate(Delivery delivery, DeliveryRoute route, RequestUpdate update, ServiceRequest request) => new()
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
    };
}
