namespace Open311Gateway.Api.Photos;

/// <summary>
/// <c>GET /media/{name}</c> (and HEAD, for link checkers): a stored photo, public like the report's media_url. Served with its format's
/// Content-Type, never sniffed, cached for a year (a name's bytes never change); any other name is 404.
/// </summary>
public static class PhotoEndpoints
{
    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(PhotoUrls.RoutePrefix + "{name}", [HttpMethods.Get, HttpMethods.Head], async (string name, IPhotoStore store, HttpContext http, CancellationToken cancellationToken) =>
        {
            var format = PhotoNames.FormatOf(name);
            var photo = format is null ? null : await store.OpenAsync(name, cancellationToken);
            if (photo is null) return Results.NotFound();
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "public, max-age=31536000, immutable";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            return Results.Stream(photo, format!.ContentType);
        });
        return endpoints;
    }
}
