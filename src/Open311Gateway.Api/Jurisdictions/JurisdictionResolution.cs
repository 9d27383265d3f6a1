using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Jurisdictions;

/// <summary>The jurisdiction a request is about, or the Open311 error that says why there is none.</summary>
public sealed record JurisdictionResolution(Jurisdiction? Jurisdiction, Open311Error? Error)
{
    public TimeZoneInfo Zone => Open311Time.Zone(Jurisdiction!.TimeZone);
}
