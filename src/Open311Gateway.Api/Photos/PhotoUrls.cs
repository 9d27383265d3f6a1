using Microsoft.Extensions.Options;

namespace Open311Gateway.Api.Photos;

/// <summary>The public URL of a stored photo, which becomes the report's <c>media_url</c> and goes to its back office.</summary>
public sealed class PhotoUrls(IOptions<PhotoOptions> options, IHttpContextAccessor http)
{
    public const string RoutePrefix = "/media/";

    public string For(string name)
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/') + "/" + name;
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Photos:PublicBaseUrl is needed outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{RoutePrefix}{name}";
    }
}
