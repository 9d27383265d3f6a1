namespace Open311Gateway.Api.Features.Services;

public static class ServiceCodes
{
    /// <summary>
    /// The server decodes a path except for <c>%2F</c>, which it keeps so as not to invent a segment;
    /// service codes may contain <c>/</c>, so that one escape is undone here.
    /// </summary>
    public static string FromPath(string pathValue) =>
        pathValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
