using System.CommandLine;
using Open311Gateway.Api.AdminKeys;

namespace Open311Gateway.Api.Cli;

/// <summary><c>create-admin-key</c>, <c>revoke-admin-key</c>, <c>list-admin-keys</c>: operators' keys for the status page (ADR 20).</summary>
public static class AdminKeyCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var name = new Argument<string>("name") { Description = "Who holds it (a person or a team), for the operator." }.NotBlank();
        var create = new Command("create-admin-key", "Issue an operator's key for the status page /operator/ (printed once, stored hashed).") { name };
        context.Handle<AdminKeyService>(create, async (keys, parse, cancellationToken) =>
        {
            var (holder, key) = await keys.CreateAsync(parse.GetRequiredValue(name), cancellationToken);
            await context.Output.WriteLineAsync($"Admin key for '{holder.Name}' (key id {holder.KeyId}); it is shown only now:");
            await context.Output.WriteLineAsync(key);
            return ExitCodes.Success;
        });
        yield return create;

        var keyId = new Argument<string>("key id|key") { Description = "The key id that list-admin-keys shows, or the whole key." };
        var revoke = new Command("revoke-admin-key", "Revoke an operator's key; its sessions on the status page end at their next request.") { keyId };
        context.Handle<AdminKeyService>(revoke, async (keys, parse, cancellationToken) =>
        {
            var revoked = await keys.RevokeAsync(parse.GetRequiredValue(keyId), cancellationToken);
            await context.Output.WriteLineAsync(revoked ? "Revoked." : "No active admin key with that id.");
            return revoked ? ExitCodes.Success : ExitCodes.Failed;
        });
        yield return revoke;

        var list = new Command("list-admin-keys", "List operators' keys and their key ids.");
        context.Handle<AdminKeyService>(list, async (keys, _, cancellationToken) =>
        {
            foreach (var k in await keys.ListAsync(cancellationToken))
                await context.Output.WriteLineAsync($"{k.KeyId}\t{k.Name}\tcreated {k.CreatedAt:u}\t{KeyState.Of(k.RevokedAt)}");
            return ExitCodes.Success;
        });
        yield return list;
    }
}
