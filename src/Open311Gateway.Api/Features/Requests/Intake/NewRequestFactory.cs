using System.Security.Cryptography;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>Turns a validated submission into the row that is stored.</summary>
public static class NewRequestFactory
{
    public static ServiceRequest Create(
        ValidatedSubmission submission, Service service, Jurisdiction jurisdiction, ApiClient client, DateTimeOffset now) => new()
    {
        JurisdictionId = service.JurisdictionId,
        ServiceId = service.Id,
        ApiClientId = client.Id,
        Token = service.Type == ServiceTypes.Batch ? NewToken() : null,
        Status = "open",
        ExtendedStatus = "OPEN",
        ServiceNotice = service.ServiceNotice,
        IsPrivate = service.IsPrivate,
        // Held reports still go to the back office at once; only the public waits for their release.
        Moderation = jurisdiction.HoldNewReports ? ModerationStates.Held : ModerationStates.Published,
        RequestedAt = now,
        UpdatedAt = now,
        PublicChangedAt = now,
        Description = submission.Description,
        Location = LocationOf(submission),
        AddressString = submission.AddressString,
        AddressId = submission.AddressId,
        MediaUrls = submission.MediaUrls.ToList(),
        Attributes = submission.Attributes,
        Email = submission.Email,
        Phone = submission.Phone,
        FirstName = submission.FirstName,
        LastName = submission.LastName,
        DeviceId = submission.DeviceId,
        AccountId = submission.AccountId,
    };

    private static Point? LocationOf(ValidatedSubmission submission) =>
        submission.Latitude is { } lat && submission.Longitude is { } lon ? new Point(lon, lat) { SRID = 4326 } : null;

    // Unguessable, so that a token reveals nothing about other reports.
    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
