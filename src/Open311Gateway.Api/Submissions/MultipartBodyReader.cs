using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Reads a <c>multipart/form-data</c> body section by section as it streams in. The one <c>media</c> part is the
/// photo: a file part (GeoReport v2.1 draft) carries its bytes, a plain field its base64 text. Every other
/// part is a field within the field limit; other file parts are read past and ignored, as before.
/// </summary>
public static class MultipartBodyReader
{
    private const int MaxBoundaryLength = 70;

    public static async Task ReadAsync(Stream body, string? contentType, SubmittedFields fields, BodyBudget budget, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > MaxBoundaryLength)
            throw new InvalidDataException("The multipart body has no usable boundary.");

        var reader = new MultipartReader(boundary, body);
        var count = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (++count > FormBodyReader.MaxFields) throw new InvalidDataException($"A form may have at most {FormBodyReader.MaxFields} fields.");
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("A multipart section has no form-data Content-Disposition.");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            // The section's headers were decoded leniently by the framework: a U+FFFD in a name stood for bytes that were no UTF-8.
            if (name.Contains('\uFFFD')) throw InvalidTextException.NotUtf8("A multipart field's name");
            var isFile = disposition.IsFileDisposition();

            if (name == "media" && budget.PhotoAllowed)
            {
                budget.OpenPhoto();
                var bytes = await ReadAllAsync(section.Body, isFile ? budget.Limits.MaxPhotoBytes!.Value : budget.Limits.MaxPhotoPartBytes,
                    BodyBudget.PhotoTooLarge(budget.Limits), cancellationToken);
                budget.ClosePhoto();
                fields.AddPhoto(isFile ? new SubmittedPhoto(bytes, "file") : Base64Photo.Decode(Encoding.ASCII.GetString(bytes), budget.Limits), budget);
            }
            else if (name == "media" && budget.PhotoSeen)
            {
                await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                fields.CountExtraPhoto();
            }
            else if (isFile) await section.Body.CopyToAsync(Stream.Null, cancellationToken);
            else
            {
                // The budget bounds the field; this bound only keeps one field from growing a buffer past it.
                var bytes = await ReadAllAsync(section.Body, budget.Limits.MaxFieldBytes, BodyBudget.FieldsTooLarge(budget.Limits), cancellationToken);
                fields.Add(name, StrictText.Decode(bytes, $"The multipart field '{TextRules.Shorten(name)}'"));
            }
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream section, long maxBytes, string tooLarge, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await section.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new BodyTooLargeException(tooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
