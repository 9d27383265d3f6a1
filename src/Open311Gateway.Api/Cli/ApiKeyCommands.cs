using System.CommandLine;
using Open311Gateway.Api.ApiKeys;

namespace Open311Gateway.Api.Cli;

/// <summary><c>create-api-key</c>, <c>revoke-api-key</c>, <c>list-api-keys</c>: client apps' keys (ADR 4).</summary>
public static class ApiKeyCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var name = new Argument<string>("client name") { Description = "The client app's name, for the operator." }.NotBlank();
        var create = new Command("create-api-key", "Issue an API key for a client app (printed once, stored hashed).") { name };
        context.Handle<ApiKeyService>(create, async (keys, parse, cancellationToken) =>
        {
            var (client, key) = await keys.CreateAsync(parse.GetRequiredValue(name).Trim(), cancellationToken);
            await context.Output.WriteLineAsync($"API key for '{client.Name}' (key id {client.KeyId}); it is shown only now:");
            await context.Output.WriteLineAsync(key);
            return ExitCodes.Success;
        });
        yield return create;

        var keyId = new Argument<string>("key id|key") { Description = "The key id that list-api-keys shows, or the whole key." };
        var revoke = new Command("revoke-api-key", "Revoke a client app's key.") { keyId };
        context.Handle<ApiKeyService>(revoke, async (keys, parse, cancellationToken) =>
        {
            var revoked = await keys.RevokeAsync(parse.GetRequiredValue(keyId), cancellationToken);
            await context.Output.WriteLineAsync(revoked ? "Revoked." : "No active key with that id.");
            return revoked ? ExitCodes.Success : ExitCodes.Failed;
        });
        yield return revoke;

        var list = new Command("list-api-keys", "List client apps and their key ids.");
        context.Handle<ApiKeyService>(list, async (keys, _, cancellationToken) =>
        {
            foreach (var c in await keys.ListAsync(cancellationToken))
                await context.Output.WriteLineAsync($"{c.KeyId}\t{c.Name}\tcreated {c.CreatedAt:u}\t{KeyState.Of(c.RevokedAt)}");
            return ExitCodes.Success;
        });
        yield return list;
    }
}
