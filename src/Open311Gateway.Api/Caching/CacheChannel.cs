namespace Open311Gateway.Api.Caching;

/// <summary>
/// Names shared with the database (migration <c>FastCaches</c>): the row of <c>cache_versions</c> each cached kind has,
/// and the channel its triggers notify on commit of any change to the rows behind that kind (ADR 22).
/// </summary>
public static class CacheChannel
{
    public const string Name = "open311_cache";

    /// <summary>jurisdictions (boundaries included: same table) and services.</summary>
    public const string Catalog = "catalog";

    /// <summary>api_clients.</summary>
    public const string ApiKeys = "api_keys";
}
