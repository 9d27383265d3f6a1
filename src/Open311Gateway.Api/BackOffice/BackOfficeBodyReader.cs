using System.Text;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.BackOffice;

/// <summary>
/// Reads a back office's JSON body, refusing an oversized one before parsing it. A status update is a
/// handful of short fields, so 64 KiB is plenty.
/// </summary>
public static class BackOfficeBodyReader
{
    public const int MaxBodyBytes = 64 * 1024;

    // A repeated field is a sender's bug; picking one of its values would hide it.
    private static readonly JsonLoadSettings LoadSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    public static async Task<(JObject? Body, Open311Error? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, TooLarge());
        if (!IsJson(request.ContentType))
            return (null, new(StatusCodes.Status400BadRequest, $"Unsupported Content-Type '{request.ContentType}': send application/json."));
        var bytes = await SubmittedFieldsReader.ReadBoundedAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (bytes is null) return (null, TooLarge());

        try
        {
            var text = StrictText.Utf8.GetString(bytes);
            // Valid UTF-8 can still escape a lone surrogate ("\ud800"), which the parser would read as U+FFFD.
            if (JsonEscapeScanner.HasLoneSurrogateEscape(text))
                return (null, new(StatusCodes.Status400BadRequest, InvalidTextException.LoneSurrogate("The body").Message));
            using var reader = new JsonTextReader(new StringReader(text))
            {
                MaxDepth = 8, DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal,
            };
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject)
                return (null, new(StatusCodes.Status400BadRequest, "The body must be a JSON object of fields."));
            var body = JObject.Load(reader, LoadSettings);
            if (reader.Read()) return (null, new(StatusCodes.Status400BadRequest, "The body holds more than one JSON value."));
            return (body, null);
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            return (null, new(StatusCodes.Status400BadRequest, "The body is not valid UTF-8 JSON: " + e.Message));
        }
    }

    private static bool IsJson(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType is not null && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static Open311Error TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes; send media as media_url.");
}
