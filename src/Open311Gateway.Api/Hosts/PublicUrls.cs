using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Hosts;

/// <summary>The gateway's absolute URLs, from configuration when it names them, else from the (filtered) request.</summary>
public static class PublicUrls
{
    /// <summary>Discovery's endpoint URL.</summary>
    public static string EndpointOf(Open311Options options, HttpRequest request) =>
        string.IsNullOrWhiteSpace(options.PublicUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{options.BasePath.TrimEnd('/')}"
            : options.PublicUrl;

    /// <summary>The host's root as clients reach it (without a trailing slash), when Open311:PublicUrl ends in the base path.</summary>
    public static string? RootOf(Open311Options options)
    {
        var publicUrl = options.PublicUrl?.TrimEnd('/');
        var basePath = options.BasePath.TrimEnd('/');
        if (string.IsNullOrWhiteSpace(publicUrl)) return null;
        if (basePath.Length == 0) return publicUrl;
        return publicUrl.EndsWith(basePath, StringComparison.Ordinal) ? publicUrl[..^basePath.Length] : null;
    }
}
