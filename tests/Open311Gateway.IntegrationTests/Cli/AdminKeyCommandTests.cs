using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.AdminKeys;
using Open311Gateway.Api.Cli;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Cli;

/// <summary><c>create-admin-key</c>, <c>list-admin-keys</c>, <c>revoke-admin-key</c>: the key is shown once and stored hashed.</summary>
public sealed class AdminKeyCommandTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task A_created_key_opens_until_revoked_and_only_its_hash_is_stored()
    {
        var (code, output) = await RunAsync("create-admin-key", "  Leitstelle Nord ");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var key = lines[1].Trim();
        var keyId = key.Split('_')[1];

        Assert.Equal(0, code);
        Assert.Equal($"Admin key for 'Leitstelle Nord' (key id {keyId}); it is shown only now:", lines[0]);
        await using (var db = app.Database.CreateDbContext())
        {
            var row = await db.AdminKeys.AsNoTracking().SingleAsync(k => k.KeyId == keyId);
            Assert.Equal("Leitstelle Nord", row.Name);
            Assert.Equal(32, row.SecretHash.Length);
            Assert.DoesNotContain(key.Split('_')[2], Convert.ToBase64String(row.SecretHash), StringComparison.Ordinal);
        }
        Assert.NotNull(await FindAsync(key));
        Assert.Matches($@"^{keyId}\tLeitstelle Nord\tcreated .+\tactive$", (await RunAsync("list-admin-keys")).Output.Split('\n').First(l => l.StartsWith(keyId, StringComparison.Ordinal)));

        Assert.Equal((0, "Revoked."), Trimmed(await RunAsync("revoke-admin-key", keyId)));
        Assert.Null(await FindAsync(key));
        Assert.Contains("\trevoked ", (await RunAsync("list-admin-keys")).Output.Split('\n').First(l => l.StartsWith(keyId, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Failed, "No active admin key with that id."), Trimmed(await RunAsync("revoke-admin-key", key)));
    }

    [Fact]
    public async Task A_client_apps_key_is_no_admin_key() => Assert.Null(await FindAsync(app.ApiKey));

    private async Task<Open311Gateway.Api.Data.Entities.AdminKey?> FindAsync(string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdminKeyService>().FindAsync(key, CancellationToken.None);
    }

    private static (int, string) Trimmed((int Code, string Output) result) => (result.Code, result.Output.TrimEnd());

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await OperatorCommands.RunAsync(app.Services, args, output, CancellationToken.None);
        return (code, output.ToString());
    }
}
