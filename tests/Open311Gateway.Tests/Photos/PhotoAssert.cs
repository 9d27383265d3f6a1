using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Open311Gateway.Tests.Photos;

/// <summary>What a published photo must be: upright (20×40, red on top, blue below) and without any metadata.</summary>
public static class PhotoAssert
{
    public static void UprightAndClean(byte[] published)
    {
        foreach (var text in new[] { TestPhotos.Make, TestPhotos.Model, "MAKERNOTE", TestPhotos.XmpMarker, TestPhotos.IptcCity, "Exif\0\0", "Photoshop 3.0", "ICC_PROFILE" })
            Assert.False(TestPhotos.Contains(published, text), $"The published photo still holds '{text}'.");

        var info = Image.Identify(published);
        Assert.Null(info.Metadata.ExifProfile);
        Assert.Null(info.Metadata.XmpProfile);
        Assert.Null(info.Metadata.IptcProfile);
        Assert.Null(info.Metadata.IccProfile);

        using var image = Image.Load<Rgb24>(published);
        Assert.Equal((20, 40), (image.Width, image.Height));
        var top = image[10, 8];
        var bottom = image[10, 32];
        Assert.True(top.R > 180 && top.B < 90, $"The top should be red (turned clockwise), is {top}.");
        Assert.True(bottom.B > 180 && bottom.R < 90, $"The bottom should be blue, is {bottom}.");
    }
}
