namespace Open311Gateway.Api.RateLimiting;

/// <summary>The limits' names, as the metric's <c>policy</c> tag and the status page show them.</summary>
public static class RateLimitPolicies
{
    public const string PostPerKey = "post-per-key";
    public const string PostPerAddress = "post-per-address";
    public const string GetPerAddress = "get-per-address";
    public const string BackOfficePerKey = "backoffice-per-key";
    public const string StatusLinksPerAddress = "status-links-per-address";
}
