namespace Open311Gateway.Api.Submissions;

/// <summary>
/// A photo as a client sent it in a <c>media</c> part or field: its bytes, not yet judged, or null when its
/// base64 text could not be decoded. <see cref="Form"/> says how it came ("file" or "base64"), for messages.
/// </summary>
public sealed record SubmittedPhoto(byte[]? Bytes, string Form);
