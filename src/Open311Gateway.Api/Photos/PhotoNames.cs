using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Open311Gateway.Api.Photos;

/// <summary>
/// Stored photos' names: 128 random bits in hex and the format's extension. Unguessable, so a photo's URL is
/// known only to whom it was given; and nothing else is ever a name, so no path leaves the photo directory.
/// </summary>
public static partial class PhotoNames
{
    public static string New(PhotoFormat format) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "." + format.Extension;

    /// <summary>The format of a well-formed name; null for anything else (which then names no photo).</summary>
    public static PhotoFormat? FormatOf(string name)
    {
        var match = Name().Match(name);
        return match.Success ? PhotoFormat.ByExtension(match.Groups["extension"].Value) : null;
    }

    [GeneratedRegex(@"^[0-9a-f]{32}\.(?<extension>jpg|png|webp)$")]
    private static partial Regex Name();
}
