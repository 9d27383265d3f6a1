namespace Open311Gateway.Api.BackOffice;

/// <summary>Reads <c>Authorization: Bearer &lt;token&gt;</c> (RFC 6750); the scheme's case does not matter.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The token, or null when the header is missing, repeated, empty or of another scheme.</summary>
    public static string? From(HttpRequest request)
    {
        var headers = request.Headers.Authorization;
        if (headers.Count != 1 || headers[0] is not { } header) return null;
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[Scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
