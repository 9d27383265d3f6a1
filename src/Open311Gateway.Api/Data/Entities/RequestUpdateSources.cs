namespace Open311Gateway.Api.Data.Entities;

public static class RequestUpdateSources
{
    /// <summary>A status change from the municipality: public.</summary>
    public const string BackOffice = "backoffice";
    /// <summary>A citizen's follow-up through a client app: forwarded, never published.</summary>
    public const string Citizen = "citizen";
}
