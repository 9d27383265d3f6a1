namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// Settings every in-process API host of the tests starts with, before a fixture's own. The tests run outside
/// Development, so the host must be told its name (ADR 17): the test client's and Kestrel's loopback hosts. Rate limits
/// are off, since fixtures post more than a client may; the rate-limit tests switch them on with limits of their own. Test hosts run side
/// by side, so none opens a management port unless a test gives one.
/// </summary>
public static class TestHostDefaults
{
    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("AllowedHosts", "localhost;127.0.0.1"),
        new("RateLimits:Enabled", "false"),
        new("Management:Port", "0"),
        // Tests change catalogue rows and read them back at once: the caches check their version on every use (ADR 22).
        // CachesAcrossProcessesTests turns this off to see the notifications do it.
        new("Caching:CheckOnEveryUse", "true"),
    ];
}
