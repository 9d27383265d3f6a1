using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Photos;

/// <summary>The one way a photo joins a report: first among its media URLs (so it is the report's media_url).</summary>
public static class ReportPhotos
{
    /// <summary>Adding a photo changes what the public sees: <see cref="ServiceRequest.PublicChangedAt"/> moves to now.</summary>
    public static void Attach(ServiceRequest request, string url, DateTimeOffset now)
    {
        request.MediaUrls.Insert(0, url);
        request.PublicChangedAt = now;
    }
}
