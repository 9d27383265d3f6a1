using System.Text;

namespace Open311Gateway.Api.Open311;

/// <summary>Writes a document to an HTTP response in the asked-for format; used by actions and by middleware alike.</summary>
public static class Open311Response
{
    public static Task WriteAsync(HttpResponse response, Open311Document document, Open311Format format, int statusCode)
    {
        response.StatusCode = statusCode;
        response.ContentType = format.ContentType();
        var body = Render(document, format);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>The answer's bytes, as <see cref="WriteAsync"/> sends them (kept for Idempotency-Key replays).</summary>
    public static byte[] Render(Open311Document document, Open311Format format) => format == Open311Format.Xml
        ? Open311XmlWriter.Write(document)
        : Open311JsonWriter.WriteUtf8(document);

    public static Task WriteErrorsAsync(HttpResponse response, Open311Format format, int statusCode, params IEnumerable<string> descriptions) =>
        WriteAsync(response, Open311Document.Errors(descriptions.Select(d => new Open311Error(statusCode, d))), format, statusCode);
}
