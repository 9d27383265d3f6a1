using Microsoft.Extensions.Options;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Photos;

namespace Open311Gateway.Api.Hosts;

/// <summary>
/// Absolute URLs the gateway hands out (discovery's endpoint, a photo's media_url, which is stored and sent on) must
/// not come from a Host header anyone can send: a shared cache would serve <c>evil.example</c> to everyone. Outside
/// Development, start only when Open311:PublicUrl names the endpoint or AllowedHosts filters the Host (ADR 17).
/// </summary>
public sealed class PublicUrlRequirement(IHostEnvironment environment, IConfiguration configuration, IOptions<PhotoOptions> photos)
    : IValidateOptions<Open311Options>
{
    public ValidateOptionsResult Validate(string? name, Open311Options options)
    {
        var publicUrl = options.PublicUrl;
        if (!string.IsNullOrWhiteSpace(publicUrl) && !IsHttpUrl(publicUrl))
            return ValidateOptionsResult.Fail($"Open311:PublicUrl must be an absolute http(s) URL, such as https://open311.example.org{options.BasePath}.");
        if (environment.IsDevelopment() || AllowedHosts.AreRestricted(configuration)) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(publicUrl))
            return ValidateOptionsResult.Fail(
                "Outside Development the gateway must know its public name: set Open311:PublicUrl (such as " +
                $"https://open311.example.org{options.BasePath}) or AllowedHosts (such as open311.example.org). Without either, " +
                "discovery and photo URLs would repeat whatever Host header a client sends.");
        if (string.IsNullOrWhiteSpace(photos.Value.PublicBaseUrl) && PublicUrls.RootOf(options) is null)
            return ValidateOptionsResult.Fail(
                $"Open311:PublicUrl does not end in the base path {options.BasePath}, so photo URLs cannot be derived from it: " +
                "set Photos:PublicBaseUrl (such as https://open311.example.org/media/) or AllowedHosts.");
        return ValidateOptionsResult.Success;
    }

    private static bool IsHttpUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
