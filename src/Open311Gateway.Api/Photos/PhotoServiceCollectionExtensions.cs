namespace Open311Gateway.Api.Photos;

public static class PhotoServiceCollectionExtensions
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section)
            .Validate(o => o.MaxBytes > 0 && o.MaxPixels > 0 && o.Quality is >= 1 and <= 100, "Photos: MaxBytes, MaxPixels and Quality (1–100) must be positive.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Photos:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<PhotoCleaner>();
        services.AddSingleton<IPhotoStore, FileSystemPhotoStore>();
        services.AddSingleton<PhotoUrls>();
        return services;
    }
}
