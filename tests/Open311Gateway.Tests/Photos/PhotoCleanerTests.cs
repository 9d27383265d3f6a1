using Microsoft.Extensions.Options;
using Open311Gateway.Api.Photos;
using SixLabors.ImageSharp;

namespace Open311Gateway.Tests.Photos;

/// <summary>Photos from phones are published upright and without where or with what they were taken.</summary>
public sealed class PhotoCleanerTests
{
    private static readonly PhotoCleaner Cleaner = new(Options.Create(new PhotoOptions()));

    public static TheoryData<string> Formats => ["jpeg", "png", "webp"];

    private static byte[] FromPhone(string format) => format switch
    {
        "jpeg" => TestPhotos.JpegFromPhone(),
        "png" => TestPhotos.PngFromPhone(),
        _ => TestPhotos.WebpFromPhone(),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_photo_is_turned_upright_and_loses_every_metadata_profile(string format)
    {
        var original = FromPhone(format);
        var before = Image.Identify(original);
        Assert.NotNull(before.Metadata.ExifProfile);
        Assert.True(TestPhotos.Contains(original, TestPhotos.Model), "the test photo carries the phone's model");

        var (photo, error) = await Cleaner.CleanAsync(original, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(format, photo!.Format.Name.ToLowerInvariant());
        PhotoAssert.UprightAndClean(photo.Bytes);
    }

    [Fact]
    public async Task Jpeg_comments_unknown_segments_and_appended_bytes_are_not_carried_over()
    {
        var phone = TestPhotos.JpegFromPhone();
        // After SOI: a comment (COM) and an application segment nobody knows (APP11); after EOI: appended data.
        var withExtras = phone[..2].Concat(Segment(0xFE, "Kommentar: Handy von Erika")).Concat(Segment(0xEB, "GEHEIM-APP11"))
            .Concat(phone[2..]).Concat("ANGEHAENGT"u8.ToArray()).ToArray();
        Assert.True(TestPhotos.Contains(withExtras, "Handy von Erika"));

        var (photo, error) = await Cleaner.CleanAsync(withExtras, CancellationToken.None);

        Assert.Null(error);
        foreach (var text in new[] { "Handy von Erika", "GEHEIM-APP11", "ANGEHAENGT" })
            Assert.False(TestPhotos.Contains(photo!.Bytes, text), $"'{text}' was carried over.");
        PhotoAssert.UprightAndClean(photo!.Bytes);
    }

    private static byte[] Segment(byte marker, string text)
    {
        var data = System.Text.Encoding.ASCII.GetBytes(text);
        var length = data.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. data];
    }

    [Fact]
    public void The_gps_position_is_in_the_jpeg_the_phone_wrote()
    {
        var exif = Image.Identify(TestPhotos.JpegFromPhone()).Metadata.ExifProfile!;
        Assert.NotNull(exif.GetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.GPSLatitude));
        Assert.Equal((ushort)6, exif.GetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Orientation)!.Value);
    }

    [Fact]
    public async Task A_gif_text_or_nothing_is_not_a_photo()
    {
        foreach (var bytes in new[] { TestPhotos.Gif(), "Das ist kein Bild, auch wenn es foto.jpg heißt"u8.ToArray(), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] })
        {
            Assert.NotNull(Cleaner.Check(bytes));
            var (photo, error) = await Cleaner.CleanAsync(bytes, CancellationToken.None);
            Assert.Null(photo);
            Assert.StartsWith("media ", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_header_claiming_more_pixels_than_the_cap_is_refused_before_decoding()
    {
        var bomb = TestPhotos.PngClaiming(20_000, 20_000);
        Assert.True(bomb.Length < 1000);
        Assert.Equal("media has 20000×20000 pixels; at most 40000000 pixels are accepted.", Cleaner.Check(bomb));
        Assert.Null(Cleaner.Check(TestPhotos.PngClaiming(6000, 6000)));
    }
}
