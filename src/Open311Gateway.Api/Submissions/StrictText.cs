using System.Text;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Text from a client is UTF-8 or refused (ADR 18). A lenient decoder turns every invalid byte and every lone
/// surrogate into U+FFFD, so two different values (two <c>update_id</c>s) would become one; a refusal cannot collide.
/// </summary>
public static class StrictText
{
    /// <summary>Throws on invalid bytes, UTF-8-encoded surrogates (ED A0 80) and overlong forms alike.</summary>
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="what">Names the text in the refusal, e.g. "The value of the form field 'description'".</param>
    public static string Decode(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw InvalidTextException.NotUtf8(what);
        }
    }
}
