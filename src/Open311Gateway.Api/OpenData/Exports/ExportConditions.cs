using Microsoft.Net.Http.Headers;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>What a harvester's request headers say: whether it holds this version already, and whether it takes gzip.</summary>
public static class ExportConditions
{
    /// <summary>
    /// RFC 9110 13.2.2: If-None-Match decides when present (weak comparison, <c>*</c> matches); only without it does
    /// If-Modified-Since, against the newest public change.
    /// </summary>
    public static bool HasVersion(HttpRequest request, ExportVersion version)
    {
        var headers = request.GetTypedHeaders();
        var tags = headers.IfNoneMatch;
        if (tags.Count > 0)
        {
            var current = EntityTagHeaderValue.Parse(version.ETag);
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }
        return headers.IfModifiedSince is { } since && version.LastModified is { } modified && modified <= since;
    }

    public static bool AcceptsGzip(HttpRequest request) => request.GetTypedHeaders().AcceptEncoding
        .Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
}
