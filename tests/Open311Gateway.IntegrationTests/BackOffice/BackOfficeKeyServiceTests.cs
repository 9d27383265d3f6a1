using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.BackOffice;

public sealed class BackOfficeKeyServiceTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task A_new_key_is_shown_once_and_only_its_hash_is_stored()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>();

        var (client, key) = await keys.CreateAsync("TESTSTADT.DE", "  Bauhof Teststadt  ", CancellationToken.None);

        Assert.Matches("^o311_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(("teststadt.de", "Bauhof Teststadt"), (client.JurisdictionId, client.Name));
        Assert.Equal(client.KeyId, key.Split('_')[1]);
        await using var db = app.Database.CreateDbContext();
        var row = await db.BackOfficeClients.SingleAsync(c => c.Id == client.Id);
        var secret = key.Split('_', 3)[2];
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)), row.SecretHash);
        Assert.Equal(client.Id, (await keys.FindClientAsync(key, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task A_key_for_an_unknown_jurisdiction_is_refused_with_the_known_ones_named()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => keys.CreateAsync("nirgendwo.de", "Bauhof", CancellationToken.None));

        Assert.Contains("Unknown jurisdiction 'nirgendwo.de'", refused.Message);
        Assert.Contains("teststadt.de", refused.Message);
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>();

        await Assert.ThrowsAsync<ArgumentException>(() => keys.CreateAsync("teststadt.de", "  ", CancellationToken.None));
    }

    [Fact]
    public async Task A_key_can_be_revoked_by_its_key_id_and_is_listed_as_revoked()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>();
        var (client, key) = await keys.CreateAsync("teststadt.de", "Alter Schlüssel", CancellationToken.None);

        Assert.True(await keys.RevokeAsync(client.KeyId, CancellationToken.None));

        Assert.Null(await keys.FindClientAsync(key, CancellationToken.None));
        Assert.False(await keys.RevokeAsync(key, CancellationToken.None));
        var listed = Assert.Single(await keys.ListAsync(CancellationToken.None), c => c.Id == client.Id);
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task A_key_can_be_revoked_by_the_whole_key()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>();
        var (_, key) = await keys.CreateAsync("teststadt.de", "Ganzer Schlüssel", CancellationToken.None);

        Assert.True(await keys.RevokeAsync(key, CancellationToken.None));

        Assert.Null(await keys.FindClientAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Revoking_an_unknown_key_id_changes_nothing()
    {
        await using var scope = app.Services.CreateAsyncScope();

        Assert.False(await scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>().RevokeAsync("ffffffffffff", CancellationToken.None));
    }
}
