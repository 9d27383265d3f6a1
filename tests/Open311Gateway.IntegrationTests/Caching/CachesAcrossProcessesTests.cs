using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.Catalog;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Caching;

/// <summary>
/// Two API processes on one database, each with its catalogue and keys in memory (ADR 22): what one of them (or any
/// writer) changes, the other serves within a second.
/// </summary>
public sealed class CachesAcrossProcessesTests(NotifiedCachesApp app) : IClassFixture<NotifiedCachesApp>, IAsyncLifetime
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(1);
    private WebApplicationFactory<Program> _other = null!;
    private HttpClient _otherClient = null!;

    public Task InitializeAsync()
    {
        _other = app.CreateHost([]);
        _otherClient = _other.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _otherClient.Dispose();
        await _other.DisposeAsync();
    }

    [Fact]
    public async Task A_key_revoked_on_one_process_is_refused_by_the_other_within_a_second()
    {
        // The other process has the key in its cache: a body without service_code gets past the key check to a 400.
        Assert.Equal(HttpStatusCode.BadRequest, await ProbeKeyAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(app.ApiKey, CancellationToken.None));

        var seen = await WithinAsync(async () => await ProbeKeyAsync() == HttpStatusCode.Forbidden);
        Assert.True(seen < Promise, $"the other process still took the revoked key after {seen.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_catalogue_imported_on_one_process_is_served_by_the_other_within_a_second()
    {
        Assert.DoesNotContain("NEU_IMPORTIERT", await ServicesAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CatalogImporter>().ImportAsync(new StringReader($"""
                jurisdictions:
                  - id: {TestCatalog.Jurisdiction}
                    name: Stadt Teststadt
                    services:
                      - code: NEU_IMPORTIERT
                        name: Neu importiert
                """));
            Assert.Empty(result.Errors);
        }

        var seen = await WithinAsync(async () => (await ServicesAsync()).Contains("NEU_IMPORTIERT", StringComparison.Ordinal));
        Assert.True(seen < Promise, $"the other process still served the old catalogue after {seen.TotalMilliseconds:0} ms");
        Assert.DoesNotContain("SCHLAGLOCH", await ServicesAsync());
    }

    [Fact]
    public async Task A_change_whose_notification_was_lost_is_found_by_the_version_check_within_a_second()
    {
        Assert.DoesNotContain("Umbenannt", await ServicesAsync());
        // As if the listening connection had been down: the row and its version change, but nobody is notified.
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SET session_replication_role = replica;
                UPDATE services SET name = 'Umbenannt' WHERE is_active;
                UPDATE cache_versions SET version = version + 1 WHERE name = 'catalog';
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var seen = await WithinAsync(async () => (await ServicesAsync()).Contains("Umbenannt", StringComparison.Ordinal), TimeSpan.FromSeconds(3));
        // A second between checks, plus the time a check and a reload take on a busy machine.
        Assert.True(seen < Promise + TimeSpan.FromMilliseconds(500), $"the version check found the change only after {seen.TotalMilliseconds:0} ms");
    }

    private async Task<HttpStatusCode> ProbeKeyAsync() =>
        (await _otherClient.PostFormAsync("requests.json", ("api_key", app.ApiKey), ("jurisdiction_id", TestCatalog.Jurisdiction))).StatusCode;

    private async Task<string> ServicesAsync() =>
        await (await _otherClient.GetOpen311Async($"services.json?jurisdiction_id={TestCatalog.Jurisdiction}")).Content.ReadAsStringAsync();

    /// <summary>How long until the condition held, polled every 20 ms; fails after the limit (3 s unless told).</summary>
    private static async Task<TimeSpan> WithinAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < (limit ?? TimeSpan.FromSeconds(3)), "the other process never saw the change");
            await Task.Delay(20);
        }
        return clock.Elapsed;
    }
}
