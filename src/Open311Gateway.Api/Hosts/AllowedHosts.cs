namespace Open311Gateway.Api.Hosts;

/// <summary>
/// ASP.NET Core's host filtering (<c>AllowedHosts</c>, semicolon-separated): any Host other than these is answered 400
/// before the gateway sees it. <c>*</c> (the template's default) or nothing lets every Host through.
/// </summary>
public static class AllowedHosts
{
    public const string Key = "AllowedHosts";

    public static bool AreRestricted(IConfiguration configuration)
    {
        var hosts = (configuration[Key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Length > 0 && !hosts.Contains("*");
    }
}
