namespace Open311Gateway.Api.Photos;

/// <summary>A format photos are stored and served in: the file name's extension and the Content-Type it is served with.</summary>
public sealed record PhotoFormat(string Name, string Extension, string ContentType)
{
    public static readonly PhotoFormat Jpeg = new("JPEG", "jpg", "image/jpeg");
    public static readonly PhotoFormat Png = new("PNG", "png", "image/png");
    public static readonly PhotoFormat Webp = new("WebP", "webp", "image/webp");

    public static IReadOnlyList<PhotoFormat> All { get; } = [Jpeg, Png, Webp];

    public static PhotoFormat? ByExtension(string extension) => All.FirstOrDefault(f => f.Extension == extension);
}
