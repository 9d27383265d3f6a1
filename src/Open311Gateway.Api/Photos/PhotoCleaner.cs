using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.Processing;

namespace Open311Gateway.Api.Photos;

/// <summary>
/// Judges a photo by its bytes and makes it fit to publish (ADR 14): only JPEG, PNG and WebP are recognised, the
/// pixel count is read from the header before any pixel is decoded, and the image is decoded, turned upright by
/// its EXIF orientation and re-encoded without any metadata (EXIF with GPS and maker notes, XMP, IPTC, ICC,
/// PNG text, JPEG comments): a citizen's photo must not tell where their phone was or which phone it is.
/// </summary>
public sealed class PhotoCleaner(IOptions<PhotoOptions> options)
{
    // Only these three decoders exist for us: GIF, BMP, TIFF … are not even recognised.
    private static readonly Configuration Formats = new(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());

    // A decoded 40-megapixel photo takes 160 MB: a few at a time, not one per concurrent upload.
    private static readonly SemaphoreSlim Decoding = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>The cheap checks, from the header alone; null when the photo may be decoded.</summary>
    public string? Check(byte[] bytes)
    {
        IImageInfo? info;
        IImageFormat? format;
        try
        {
            info = Image.Identify(Formats, bytes, out format);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return "media is not a readable JPEG, PNG or WebP image.";
        }
        if (info is null || format is null) return "media is not a JPEG, PNG or WebP image (judged by its bytes, not its name).";
        if (IsAnimatedWebp(bytes)) return "media is an animated WebP; send a still photo.";
        var pixels = (long)info.Width * info.Height;
        if (pixels > options.Value.MaxPixels)
            return $"media has {info.Width}×{info.Height} pixels; at most {options.Value.MaxPixels} pixels are accepted.";
        return null;
    }

    /// <summary>Decodes, auto-orients and re-encodes a photo that passed <see cref="Check"/>; an error when it cannot be decoded after all.</summary>
    public async Task<(CleanPhoto? Photo, string? Error)> CleanAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        if (Check(bytes) is { } error) return (null, error);
        await Decoding.WaitAsync(cancellationToken);
        try
        {
            using var image = Image.Load(Formats, bytes, out var format);
            image.Mutate(x => x.AutoOrient());
            Strip(image.Metadata);
            foreach (var frame in image.Frames) StripFrame(frame.Metadata);
            var (encoder, stored) = EncoderFor(format, image.Metadata);
            using var output = new MemoryStream();
            await image.SaveAsync(output, encoder, cancellationToken);
            return (new CleanPhoto(output.ToArray(), stored, image.Width, image.Height), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, "media could not be decoded as a JPEG, PNG or WebP image.");
        }
        finally
        {
            Decoding.Release();
        }
    }

    private static void Strip(ImageMetadata metadata)
    {
        metadata.ExifProfile = null;
        metadata.XmpProfile = null;
        metadata.IptcProfile = null;
        // ImageSharp 2 cannot convert colours, and a profile may name the device that made it: dropped (ADR 14).
        metadata.IccProfile = null;
        metadata.GetPngMetadata().TextData.Clear();
    }

    private static void StripFrame(ImageFrameMetadata metadata)
    {
        metadata.ExifProfile = null;
        metadata.XmpProfile = null;
        metadata.IptcProfile = null;
        metadata.IccProfile = null;
    }

    private (IImageEncoder Encoder, PhotoFormat Format) EncoderFor(IImageFormat format, ImageMetadata metadata) => format switch
    {
        PngFormat => (new PngEncoder(), PhotoFormat.Png),
        WebpFormat => (new WebpEncoder
        {
            FileFormat = metadata.GetWebpMetadata().FileFormat ?? WebpFileFormatType.Lossy,
            Quality = options.Value.Quality,
        }, PhotoFormat.Webp),
        _ => (new JpegEncoder { Quality = options.Value.Quality }, PhotoFormat.Jpeg),
    };

    // RIFF....WEBPVP8X, then a flags byte whose bit 1 marks an animation: its frames would be decoded one by one.
    private static bool IsAnimatedWebp(byte[] bytes) =>
        bytes.Length > 20 && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8) && bytes.AsSpan(12, 4).SequenceEqual("VP8X"u8) && (bytes[20] & 0x02) != 0;
}
