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

    public string? Description { get; set; }
    /// <summary>WGS84 point, stored as geography(Point,4326).</summary>
    public Point? Location { get; set; }
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

    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }
}
