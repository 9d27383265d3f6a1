namespace Open311Gateway.Api.Submissions;

/// <summary>
/// How much of a POST body is read. <see cref="MaxFieldBytes"/> bounds everything but the photo (ADR 2);
/// <see cref="MaxPhotoBytes"/>, when set, lets one <c>media</c> part or field carry a photo of up to that many
/// bytes (ADR 14). A photo sent as base64 text is about 4/3 of the photo: <see cref="MaxPhotoPartBytes"/>.
/// </summary>
public sealed record BodyLimits(int MaxFieldBytes, int? MaxPhotoBytes)
{
    /// <summary>What readers may hold beyond what they were handed (their buffers), granted only once a photo began.</summary>
    public const int ReadAheadSlack = 16 * 1024;

    /// <summary>
    /// The photo's part as sent: its base64 text (4 characters per 3 bytes) plus an eighth for line breaks
    /// and for <c>+</c>, <c>/</c> and <c>=</c> written as <c>%2B</c>, <c>%2F</c>, <c>%3D</c> in a form body.
    /// </summary>
    public long MaxPhotoPartBytes => MaxPhotoBytes is { } bytes ? Base64Length(bytes) + Base64Length(bytes) / 8 : 0;

    /// <summary>The most any body may be; a Content-Length above it is refused before a byte is read.</summary>
    public long MaxBodyBytes => MaxFieldBytes + (MaxPhotoBytes is null ? 0 : MaxPhotoPartBytes + ReadAheadSlack);

    public static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;
}
