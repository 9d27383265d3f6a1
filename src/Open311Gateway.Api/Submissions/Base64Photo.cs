namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Decodes a photo sent as base64 text (Klarschiff's <c>media</c> field). Line breaks are ignored, a
/// <c>data:image/…;base64,</c> prefix is allowed, and a space counts as <c>+</c>: a form body whose client did not
/// percent-encode the text turns every <c>+</c> into a space, and base64 has no spaces of its own.
/// Empty text is no photo (null), as every empty field counts as absent.
/// </summary>
public static class Base64Photo
{
    public static SubmittedPhoto? Decode(string text, BodyLimits limits)
    {
        var start = 0;
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = text.IndexOf(',');
            start = comma < 0 ? text.Length : comma + 1;
        }
        var cleaned = new char[text.Length - start];
        var length = 0;
        foreach (var c in text.AsSpan(start))
        {
            if (c is '\r' or '\n' or '\t') continue;
            cleaned[length++] = c == ' ' ? '+' : c;
        }
        if (length == 0) return null;
        var bytes = new byte[length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(cleaned.AsSpan(0, length), bytes, out var written) || written == 0)
            return new SubmittedPhoto(null, "base64");
        if (written > limits.MaxPhotoBytes) throw new BodyTooLargeException(BodyBudget.PhotoTooLarge(limits));
        return new SubmittedPhoto(bytes[..written], "base64");
    }
}
