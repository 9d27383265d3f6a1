namespace Open311Gateway.Api.Data.Entities;

public static class DeliveryKinds
{
    public const string Request = "request";
    public const string CitizenUpdate = "citizen_update";
}
