using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Photos;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// The photo step of a new report (ADR 14): its header is checked with the other fields, it is decoded and cleaned
/// only for a report that is otherwise fine, stored just before the report's transaction, and removed again when
/// that transaction fails.
/// </summary>
public sealed class ReportPhotoIntake(PhotoCleaner cleaner, IPhotoStore store, PhotoUrls urls, ILogger<ReportPhotoIntake> log)
{
    /// <summary>The submitted photo's bytes; the reader already refused a second one.</summary>
    public static byte[]? BytesOf(SubmittedFields fields) => fields.Photos.Count == 1 ? fields.Photos[0].Bytes : null;

    /// <summary>The cheap header checks, reported with the other fields' problems; null when fine or absent.</summary>
    public string? Check(byte[]? bytes) => bytes is null ? null : cleaner.Check(bytes);

    public async Task<(CleanPhoto? Photo, string? Error)> CleanAsync(byte[]? bytes, CancellationToken cancellationToken) =>
        bytes is null ? (null, null) : await cleaner.CleanAsync(bytes, cancellationToken);

    /// <summary>Stores the photo and makes its URL the report's media_url; returns its name, to discard it if the report is not stored.</summary>
    public async Task<string?> StoreAsync(CleanPhoto? photo, ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (photo is null) return null;
        var name = await store.SaveAsync(photo, cancellationToken);
        ReportPhotos.Attach(request, urls.For(name), now);
        return name;
    }

    // No report refers to the photo: remove it. Should that fail too (or the process die first), the file stays,
    // unreferenced and under a name nobody was told (ADR 14).
    public async Task DiscardAsync(string name)
    {
        try
        {
            await store.DeleteAsync(name, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "The photo {Photo} of a report that was not stored could not be removed.", name);
        }
    }
}
