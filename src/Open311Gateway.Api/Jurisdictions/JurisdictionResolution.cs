using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Jurisdictions;

/// <summary>The jurisdiction a request is about, or the Open311 error that says why there is none.</summary>
public sealed record JurisdictionResolution(Jurisdiction? Jurisdiction, Open311Error? Error)
{
    /// <summary>
    /// Set when none was named and this endpoint serves several (then <see cref="Error"/> says jurisdiction_id is
    /// required): the ids served, for a caller that can choose by other means (a new report, by its point).
    /// </summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public TimeZoneInfo Zone => Open311Time.Zone(Jurisdiction!.TimeZone);
}
