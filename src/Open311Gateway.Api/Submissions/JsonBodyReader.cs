using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Reads a JSON body (an object of the form's field names) token by token as it streams in, so that the one
/// <c>media</c> field (a base64 photo string) may be large while every other field stays within the field limit.
/// Attributes may come as <c>"attribute[CODE]"</c> keys or as an <c>"attribute"</c> object.
/// </summary>
public static class JsonBodyReader
{
    public static async Task<Open311Error?> ReadAsync(Stream body, SubmittedFields fields, BodyBudget budget, CancellationToken cancellationToken)
    {
        // UTF-8 only (RFC 8259), strictly: invalid bytes are refused, not read as U+FFFD. A UTF-8 BOM is skipped
        // (the encoding's preamble); a UTF-16 body is no longer guessed from its BOM but refused as invalid UTF-8.
        using var text = new StreamReader(body, Utf8SkippingBom, detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
        using var reader = new JsonTextReader(new SurrogateCheckingReader(text)) { MaxDepth = 8, DateParseHandling = DateParseHandling.None };
        Open311Error? fieldError = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!await reader.ReadAsync(cancellationToken)) throw new JsonReaderException("The body holds no JSON value.");
            if (reader.TokenType != JsonToken.StartObject)
            {
                await JToken.ReadFromAsync(reader, cancellationToken);
                await EnsureEndAsync(reader, cancellationToken);
                return NotAnObject;
            }
            while (await reader.ReadAsync(cancellationToken) && reader.TokenType != JsonToken.EndObject)
            {
                if (reader.TokenType == JsonToken.Comment) continue;
                var name = (string)reader.Value!;
                // A repeated key would otherwise count as a second value (or, nested, silently win): refused, not guessed.
                if (!names.Add(name)) throw new JsonReaderException($"The key '{TextRules.Shorten(name)}' appears twice in the object.");
                if (name == "media" && budget.PhotoAllowed)
                {
                    budget.OpenPhoto();
                    var value = await ReadValueAsync(reader, cancellationToken);
                    budget.ClosePhoto();
                    if (value.Type == JTokenType.String) fields.AddPhoto(Base64Photo.Decode(value.Value<string>()!, budget.Limits), budget);
                    else
                    {
                        budget.ForgetPhoto();
                        if (value.Type != JTokenType.Null) fieldError ??= new(StatusCodes.Status400BadRequest, "media must be a string of base64 text.");
                    }
                    continue;
                }
                var token = await ReadValueAsync(reader, cancellationToken);
                if (name == "media" && budget.PhotoSeen)
                {
                    fields.CountExtraPhoto();
                    continue;
                }
                if (name == "attribute" && token is JObject attributes)
                {
                    foreach (var attribute in attributes.Properties())
                        if (!AddJsonValue(fields, $"attribute[{attribute.Name}]", attribute.Value))
                            fieldError ??= NotAScalar($"attribute.{attribute.Name}");
                }
                else if (!AddJsonValue(fields, name, token)) fieldError ??= NotAScalar(name);
            }
            if (reader.TokenType != JsonToken.EndObject) throw new JsonReaderException("The JSON object is not closed.");
            await EnsureEndAsync(reader, cancellationToken);
        }
        catch (JsonException e)
        {
            return new(StatusCodes.Status400BadRequest, "The JSON body is not valid JSON: " + e.Message);
        }
        catch (DecoderFallbackException)
        {
            return new(StatusCodes.Status400BadRequest, InvalidTextException.NotUtf8("The JSON body").Message);
        }
        catch (InvalidTextException e)
        {
            return new(StatusCodes.Status400BadRequest, e.Message);
        }
        return fieldError;
    }

    private static readonly UTF8Encoding Utf8SkippingBom = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private static readonly Open311Error NotAnObject = new(StatusCodes.Status400BadRequest, "The JSON body must be an object of fields.");

    private static async Task<JToken> ReadValueAsync(JsonTextReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken)) throw new JsonReaderException("A property has no value.");
        return await JToken.ReadFromAsync(reader, NestedSettings, cancellationToken);
    }

    private static readonly JsonLoadSettings NestedSettings = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    // A second value ({"a":1}{"b":2}) or stray text is refused, not ignored.
    private static async Task EnsureEndAsync(JsonTextReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
            if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Additional content after the JSON value.");
    }

    private static Open311Error NotAScalar(string name) =>
        new(StatusCodes.Status400BadRequest, $"{name} must be a string, a number, a boolean or a list of those.");

    private static bool AddJsonValue(SubmittedFields fields, string name, JToken value)
    {
        if (value is JArray array) return array.All(item => AddJsonValue(fields, name, item));
        switch (value.Type)
        {
            case JTokenType.Null:
                return true;
            case JTokenType.String:
                fields.Add(name, value.Value<string>());
                return true;
            case JTokenType.Integer or JTokenType.Float:
                fields.Add(name, Convert.ToString(((JValue)value).Value, CultureInfo.InvariantCulture));
                return true;
            case JTokenType.Boolean:
                fields.Add(name, value.Value<bool>() ? "true" : "false");
                return true;
            default:
                return false;
        }
    }
}
