using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Caching;

/// <summary>
/// The API as production runs it: caches that trust the database's notifications and their once-a-second version
/// check, instead of the version check on every use the other tests have.
/// </summary>
public sealed class NotifiedCachesApp : GatewayApp
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Caching:CheckOnEveryUse", "false")];
}
