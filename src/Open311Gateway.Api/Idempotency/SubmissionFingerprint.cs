using System.Security.Cryptography;
using System.Text;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Idempotency;

/// <summary>
/// What "the same request" means for an <c>Idempotency-Key</c>: the same resource (path and format) with the same
/// fields, however they were encoded. Hashing the parsed fields rather than the raw bytes lets a client resend a
/// multipart body with a new boundary, or its fields in another order. The api_key is left out: the key's scope
/// already names the client app.
/// </summary>
public static class SubmissionFingerprint
{
    public static byte[] Of(string resource, SubmittedFields fields)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, resource);
        foreach (var name in fields.Names.Where(n => n != "api_key").Order(StringComparer.Ordinal))
        {
            Append(hash, name);
            var values = fields.All(name);
            Append(hash, values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var value in values) Append(hash, value);
        }
        Append(hash, "media:" + fields.Photos.Count + ":" + fields.ExtraPhotos);
        foreach (var photo in fields.Photos)
            Append(hash, photo.Form + ":" + (photo.Bytes is null ? "-" : Convert.ToHexString(SHA256.HashData(photo.Bytes))));
        return hash.GetHashAndReset();
    }

    // Length-prefixed, so that ("ab", "c") and ("a", "bc") cannot hash alike.
    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
