using Microsoft.Extensions.Options;
using Open311Gateway.Api.Hosts;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Photos;

/// <summary>The public URL of a stored photo, which becomes the report's <c>media_url</c> and goes to its back office.</summary>
/// <remarks>
/// Configuration first (Photos:PublicBaseUrl, else the root of Open311:PublicUrl); the request's Host only when
/// neither is set, which outside Development <see cref="PublicUrlRequirement"/> allows only with AllowedHosts.
/// </remarks>
public sealed class PhotoUrls(IOptions<PhotoOptions> options, IOptions<Open311Options> open311, IHttpContextAccessor http)
{
    public const string RoutePrefix = "/media/";

    public string For(string name)
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/') + "/" + name;
        if (PublicUrls.RootOf(open311.Value) is { } root) return root + RoutePrefix + name;
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Photos:PublicBaseUrl is needed outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{RoutePrefix}{name}";
    }
}
