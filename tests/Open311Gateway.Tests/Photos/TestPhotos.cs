using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Iptc;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace Open311Gateway.Tests.Photos;

/// <summary>
/// Real photos as phones write them: 40×20 stored pixels, left half red, right half blue, with an EXIF orientation
/// (6: turn 90° clockwise to show), GPS position, make, model and maker note, XMP and IPTC.
/// Shown upright it is 20×40, red on top, blue below.
/// </summary>
public static class TestPhotos
{
    public const string Make = "Fairphone";
    public const string Model = "FP5-Testgerät";
    public const string XmpMarker = "ns.adobe.com/xap/1.0/";
    public const string IptcCity = "Rostock-Testort";

    public static byte[] JpegFromPhone() => Encode((image, stream) => image.SaveAsJpeg(stream));

    public static byte[] PngFromPhone() => Encode((image, stream) => image.SaveAsPng(stream));

    public static byte[] WebpFromPhone() => Encode((image, stream) => image.SaveAsWebp(stream));

    /// <summary>A small GIF: a real image in a format the gateway does not take.</summary>
    public static byte[] Gif()
    {
        using var image = new Image<Rgb24>(4, 4);
        using var stream = new MemoryStream();
        image.SaveAsGif(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A PNG whose header claims 20,000 × 20,000 pixels (400 megapixels, 1.6 GB decoded) in a few hundred bytes:
    /// a decompression bomb's shape. Only its header is real; decoding it would fail, if it got that far.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var image = new Image<Rgb24>(1, 1);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var bytes = stream.ToArray();
        // IHDR follows the 8-byte signature: length (4), "IHDR" (4), width (4), height (4) … and a CRC over type and data.
        WriteBigEndian(bytes, 16, (uint)width);
        WriteBigEndian(bytes, 20, (uint)height);
        WriteBigEndian(bytes, 29, Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    public static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static byte[] Encode(Action<Image<Rgb24>, MemoryStream> save)
    {
        using var image = new Image<Rgb24>(40, 20);
        for (var y = 0; y < 20; y++)
            for (var x = 0; x < 40; x++)
                image[x, y] = x < 20 ? new Rgb24(230, 20, 20) : new Rgb24(20, 20, 230);

        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.Make, Make);
        exif.SetValue(ExifTag.Model, Model);
        exif.SetValue(ExifTag.MakerNote, Encoding.ASCII.GetBytes("MAKERNOTE-SERIAL-4711"));
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(54, 1), new Rational(5, 1), new Rational(2345, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(12, 1), new Rational(8, 1), new Rational(1234, 100)]);
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            $"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:xmp=\"http://{XmpMarker}\" xmp:CreatorTool=\"{Model}\"/></rdf:RDF></x:xmpmeta>"));
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.City, IptcCity);
        image.Metadata.IptcProfile = iptc;

        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }

    private static void WriteBigEndian(byte[] bytes, int offset, uint value)
    {
        bytes[offset] = (byte)(value >> 24);
        bytes[offset + 1] = (byte)(value >> 16);
        bytes[offset + 2] = (byte)(value >> 8);
        bytes[offset + 3] = (byte)value;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
