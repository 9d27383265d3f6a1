using System.Text.Unicode;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Open311;

/// <summary>
/// Refuses (400) a query string whose percent-encoded bytes are no UTF-8 text, on every resource (ADR 18). The
/// framework keeps such an escape as written (<c>%FF</c> stays the text "%FF", the same as <c>%25FF</c>), so two
/// different values would read as one; only the raw query string still tells them apart, so it is checked here,
/// before anything reads <see cref="HttpRequest.Query"/>. A broken escape (<c>%zz</c>) stays as written, as before.
/// </summary>
public sealed class StrictQueryMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var query = context.Request.QueryString;
        if (!query.HasValue || FirstInvalidParameter(query.Value!) is not { } parameter) return next(context);
        var format = context.Items[typeof(Open311Format)] as Open311Format? ?? Open311Formats.FromPath(context.Request.Path);
        return Open311Response.WriteErrorsAsync(context.Response, format, StatusCodes.Status400BadRequest,
            InvalidTextException.NotUtf8($"The query string parameter '{TextRules.Shorten(parameter)}'").Message);
    }

    /// <summary>The raw name of the first parameter whose name or value is no UTF-8, or null when all are.</summary>
    public static string? FirstInvalidParameter(string rawQuery)
    {
        var text = rawQuery.AsSpan(rawQuery.StartsWith('?') ? 1 : 0);
        // Nothing escaped, nothing beyond ASCII: nothing to decode (the common case, kept cheap).
        if (!text.ContainsAnyExcept(PlainAscii)) return null;
        foreach (var range in text.Split('&'))
        {
            var parameter = text[range];
            if (!IsUtf8(parameter)) return parameter.ToString().Split('=')[0];
        }
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> PlainAscii = System.Buffers.SearchValues.Create(
        Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c != '%').ToArray());

    private static bool IsUtf8(ReadOnlySpan<char> component)
    {
        var bytes = new List<byte>(component.Length);
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%' && i + 2 < component.Length && IsHex(component[i + 1]) && IsHex(component[i + 2]))
            {
                bytes.Add(Convert.ToByte(component.Slice(i + 1, 2).ToString(), 16));
                i += 2;
            }
            else if (c < 0x80) bytes.Add((byte)c);
            else if (char.IsHighSurrogate(c) && i + 1 < component.Length && char.IsLowSurrogate(component[i + 1]))
            {
                bytes.AddRange(StrictText.Utf8.GetBytes(component.Slice(i, 2).ToArray()));
                i++;
            }
            else if (char.IsSurrogate(c)) return false;
            else bytes.AddRange(StrictText.Utf8.GetBytes([c]));
        }
        return Utf8.IsValid(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
