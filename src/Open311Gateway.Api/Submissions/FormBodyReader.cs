using System.Text;

namespace Open311Gateway.Api.Submissions;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body as it streams in, so that the one <c>media</c> value
/// (a base64 photo) may be large while every other field stays within the field limit. The framework's form
/// reader applies one value limit to all fields alike, which is why this one is ours.
/// </summary>
public static class FormBodyReader
{
    /// <summary>As the framework's form reader: more fields, or longer names, are no report.</summary>
    public const int MaxFields = 1024;
    public const int MaxNameBytes = 2048;

    public static async Task ReadAsync(Stream body, SubmittedFields fields, BodyBudget budget, CancellationToken cancellationToken)
    {
        var name = new MemoryStream();
        var value = new MemoryStream();
        var inValue = false;
        var isPhoto = false;
        var count = 0;
        var chunk = new byte[16 * 1024];
        int read;

        void Finish()
        {
            if (name.Length == 0 && value.Length == 0 && !inValue) return;
            if (++count > MaxFields) throw new InvalidDataException($"A form may have at most {MaxFields} fields.");
            var decodedName = Decode(name, FieldName);
            if (isPhoto)
            {
                budget.ClosePhoto();
                fields.AddPhoto(Base64Photo.Decode(Encoding.ASCII.GetString(PercentDecode(value)), budget.Limits), budget);
            }
            else if (decodedName == "media" && budget.PhotoSeen) fields.CountExtraPhoto();
            else fields.Add(decodedName, Decode(value, $"The form field '{TextRules.Shorten(decodedName)}'"));
            name.SetLength(0);
            value.SetLength(0);
            inValue = isPhoto = false;
        }

        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = chunk[i];
                if (b == '&') Finish();
                else if (b == '=' && !inValue)
                {
                    inValue = true;
                    if (budget.PhotoAllowed && Decode(name, FieldName) == "media")
                    {
                        isPhoto = true;
                        budget.OpenPhoto();
                    }
                }
                else if (inValue) value.WriteByte(b);
                else
                {
                    name.WriteByte(b);
                    if (name.Length > MaxNameBytes) throw new InvalidDataException($"A form field's name is longer than {MaxNameBytes} bytes.");
                }
            }
        }
        Finish();
    }

    private const string FieldName = "A form field's name";

    // Strict: %FF and %ED%A0%80 (a surrogate) are refused, not read as U+FFFD (ADR 18).
    private static string Decode(MemoryStream encoded, string what) => StrictText.Decode(PercentDecode(encoded), what);

    /// <summary>Percent-decoding as forms use it: <c>+</c> is a space, a broken <c>%</c> escape stays as written.</summary>
    private static byte[] PercentDecode(MemoryStream encoded)
    {
        var source = encoded.GetBuffer().AsSpan(0, (int)encoded.Length);
        var result = new byte[source.Length];
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b == '+') result[length++] = (byte)' ';
            else if (b == '%' && i + 2 < source.Length && IsHex(source[i + 1]) && IsHex(source[i + 2]))
            {
                result[length++] = (byte)(Hex(source[i + 1]) * 16 + Hex(source[i + 2]));
                i += 2;
            }
            else result[length++] = b;
        }
        return result[..length];
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
