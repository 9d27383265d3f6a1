namespace Open311Gateway.Api.Photos;

/// <summary>Settings of photo uploads (section <c>Photos</c>, ADR 14).</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Largest photo accepted, in bytes of the image file (its base64 text may be 4/3 of it).</summary>
    public int MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest photo accepted, in pixels (width × height), read from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>
    /// Where the filesystem store keeps photos: a directory every API process can reach (a shared volume).
    /// Relative paths are taken from the content root; empty means <c>data/photos</c> there.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// The absolute URL under which <c>/media/{name}</c> is reached from outside (a CDN or reverse proxy, say),
    /// ending in a slash; when empty, the root of Open311:PublicUrl plus <c>/media/</c>, else the request's scheme and
    /// (filtered, ADR 17) host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Quality of re-encoded JPEG and lossy WebP photos (1–100).</summary>
    public int Quality { get; set; } = 90;
}
