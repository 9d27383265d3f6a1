using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Reads a POST's fields from the query string and a form-encoded (the standard), multipart or JSON body.
/// The body is read with a size limit of our own, so an oversized one is refused before it is parsed.
/// </summary>
public static class SubmittedFieldsReader
{
    public static async Task<(SubmittedFields? Fields, Open311Error? Error)> ReadAsync(HttpRequest request, int maxBodyBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBodyBytes) return (null, TooLarge(maxBodyBytes));
        var body = await ReadBoundedAsync(request.Body, maxBodyBytes, cancellationToken);
        if (body is null) return (null, TooLarge(maxBodyBytes));

        var fields = new SubmittedFields();
        foreach (var (name, values) in request.Query)
            foreach (var value in values) fields.Add(name, value);
        if (body.Length == 0) return (fields, null);

        try
        {
            var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            switch (mediaType)
            {
                case "application/x-www-form-urlencoded":
                    using (var reader = new FormReader(new MemoryStream(body), Encoding.UTF8))
                        AddAll(fields, await reader.ReadFormAsync(cancellationToken));
                    return (fields, null);
                case "multipart/form-data":
                    request.Body = new MemoryStream(body);
                    AddAll(fields, await request.ReadFormAsync(cancellationToken));
                    return (fields, null);
                case "application/json":
                    return AddJson(fields, Encoding.UTF8.GetString(body));
                default:
                    return (null, new(StatusCodes.Status400BadRequest,
                        $"Unsupported Content-Type '{request.ContentType}': send application/x-www-form-urlencoded (or application/json)."));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            return (null, new(StatusCodes.Status400BadRequest, "The request body could not be read as " + request.ContentType + "."));
        }
    }

    private static Open311Error TooLarge(int maxBodyBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBodyBytes} bytes; send media as media_url.");

    internal static async Task<byte[]?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void AddAll(SubmittedFields fields, IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> form)
    {
        foreach (var (name, values) in form)
            foreach (var value in values) fields.Add(name, value);
    }

    // JSON uses the form's field names; attributes may come as "attribute[CODE]" keys or as an "attribute" object.
    private static (SubmittedFields?, Open311Error?) AddJson(SubmittedFields fields, string json)
    {
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { MaxDepth = 8, DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader);
            // ReadFrom stops after the first value: a second one ({"a":1}{"b":2}) or stray text is refused, not ignored.
            while (reader.Read())
                if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Additional content after the JSON value.");
        }
        catch (JsonException e)
        {
            return (null, new(StatusCodes.Status400BadRequest, "The JSON body is not valid JSON: " + e.Message));
        }
        if (root is not JObject obj) return (null, new(StatusCodes.Status400BadRequest, "The JSON body must be an object of fields."));

        foreach (var property in obj.Properties())
        {
            if (property.Name == "attribute" && property.Value is JObject attributes)
            {
                foreach (var attribute in attributes.Properties())
                    if (!AddJsonValue(fields, $"attribute[{attribute.Name}]", attribute.Value))
                        return (null, NotAScalar($"attribute.{attribute.Name}"));
            }
            else if (!AddJsonValue(fields, property.Name, property.Value))
                return (null, NotAScalar(property.Name));
        }
        return (fields, null);
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
