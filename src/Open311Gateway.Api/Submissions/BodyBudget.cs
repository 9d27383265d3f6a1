namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Counts a body's bytes as they are read and refuses them past the limits: everything but the photo
/// shares <see cref="BodyLimits.MaxFieldBytes"/>; while the one photo part is read it may add up to
/// <see cref="BodyLimits.MaxPhotoPartBytes"/>, and afterwards exactly what it took (plus the readers' buffers).
/// </summary>
public sealed class BodyBudget(BodyLimits limits)
{
    private long _read;
    private long _photoStart = -1;
    private long _photoGrant;

    public BodyLimits Limits => limits;

    /// <summary>Whether a photo may still begin: photos are accepted here and none was read yet.</summary>
    public bool PhotoAllowed => limits.MaxPhotoBytes is not null && _photoStart < 0;

    public bool PhotoSeen => _photoStart >= 0;

    public void Count(int bytes)
    {
        _read += bytes;
        if (_read > limits.MaxFieldBytes + _photoGrant) throw new BodyTooLargeException(FieldsTooLarge(limits));
    }

    public void OpenPhoto()
    {
        _photoStart = _read;
        _photoGrant = limits.MaxPhotoPartBytes + BodyLimits.ReadAheadSlack;
    }

    public void ClosePhoto() => _photoGrant = _read - _photoStart + BodyLimits.ReadAheadSlack;

    /// <summary>An empty <c>media</c> (a form's file input left empty) is no photo: another may still come.</summary>
    public void ForgetPhoto() => _photoStart = -1;

    public static string FieldsTooLarge(BodyLimits limits) => limits.MaxPhotoBytes is null
        ? $"The request body is larger than {limits.MaxFieldBytes} bytes; send media as media_url."
        : $"The request's fields are larger than {limits.MaxFieldBytes} bytes; only one photo (media) may be larger.";

    /// <summary>For a Content-Length past everything the body may hold.</summary>
    public static string BodyTooLarge(BodyLimits limits) => limits.MaxPhotoBytes is null
        ? FieldsTooLarge(limits)
        : $"The request body is larger than {limits.MaxBodyBytes} bytes: at most {limits.MaxFieldBytes} bytes of fields and one photo (media) of {limits.MaxPhotoBytes} bytes.";

    public static string PhotoTooLarge(BodyLimits limits) =>
        $"The photo (media) is larger than {limits.MaxPhotoBytes} bytes (as base64 text: {limits.MaxPhotoPartBytes} characters).";
}
