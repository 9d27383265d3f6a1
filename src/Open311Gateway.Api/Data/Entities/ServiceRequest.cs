using NetTopologySuite.Geometries;
using NpgsqlTypes;

namespace Open311Gateway.Api.Data.Entities;

/// <summary>A citizen's report. Personal fields are for the municipality only and never published.</summary>
public class ServiceRequest
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public long ServiceId { get; set; }
    public Service? Service { get; set; }
    /// <summary>Which client app submitted it.</summary>
    public long ApiClientId { get; set; }
    /// <summary>Set for batch services: the client resolves it through <c>tokens/{token}</c>.</summary>
    public string? Token { get; set; }

    public required string Status { get; set; }
    /// <summary>The back office's detailed status (OPEN, IN_PROGRESS, FIXED …); <see cref="Status"/> derives from it.</summary>
    public required string ExtendedStatus { get; set; }
    public string? StatusNotes { get; set; }
    public string? AgencyResponsible { get; set; }
    public string? ServiceNotice { get; set; }
    /// <summary>The back office's own case id, when it answered the delivery with one.</summary>
    public string? ExternalCaseId { get; set; }
    /// <summary>
    /// Filed with a private service: stays unpublished even if the service is made public later, since the
    /// citizen reported it under that promise (ADR 15).
    /// </summary>
    public bool IsPrivate { get; set; }
    /// <summary>Whether moderation lets the public see it: <see cref="ModerationStates"/>.</summary>
    public string Moderation { get; set; } = ModerationStates.Published;

    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>The back office's time of the status shown (published as <c>updated_datetime</c>); it may lie in the past.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>
    /// When the gateway last changed what the public sees of this report (created, status applied, released, erased,
    /// photo added). Set from the gateway's own clock, never from a back office's timestamp, so incremental syncs
    /// (<c>updated_after</c>) cannot miss a change stamped in the past.
    /// </summary>
    public DateTimeOffset PublicChangedAt { get; set; }
    public DateTimeOffset? ExpectedAt { get; set; }
    /// <summary>
    /// When the gateway learned that the report's core status became closed (its own clock); cleared when it is
    /// reopened. The retention of personal data counts from here (specs/privacy.md).
    /// </summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string? Description { get; set; }
    /// <summary>WGS84 point, stored as geography(Point,4326).</summary>
    public Point? Location { get; set; }
    /// <summary>
    /// <see cref="Location"/> projected by PostGIS into the jurisdiction's <c>crs</c> (EPSG code in <see cref="ProjectedSrid"/>)
    /// when the report was stored, in metres: every delivery attempt carries these same numbers. Null without a point or a crs.
    /// </summary>
    public int? ProjectedSrid { get; set; }
    public double? Easting { get; set; }
    public double? Northing { get; set; }
    public string? AddressString { get; set; }
    public string? AddressId { get; set; }
    public string? Zipcode { get; set; }
    public List<string> MediaUrls { get; set; } = [];
    /// <summary>Attribute values by code; a single-valued attribute holds one element.</summary>
    public Dictionary<string, List<string>> Attributes { get; set; } = [];
    /// <summary>
    /// German full-text of description and address, computed by PostgreSQL (a stored generated column with a GIN
    /// index) for <c>q</c>; never written by the gateway.
    /// </summary>
    public NpgsqlTsVector? SearchVector { get; set; }

    // Personal data, for the municipality only; erased after the jurisdiction's retention or on request (specs/privacy.md).
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }
}
