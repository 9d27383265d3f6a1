using System.CommandLine;
using Open311Gateway.Api.BackOffice;

namespace Open311Gateway.Api.Cli;

/// <summary><c>create-backoffice-key</c>, <c>revoke-backoffice-key</c>, <c>list-backoffice-keys</c>: back offices' keys for the status API.</summary>
public static class BackOfficeKeyCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var jurisdiction = new Argument<string>("jurisdiction") { Description = "The jurisdiction id whose reports it may report status for." };
        var name = new Argument<string>("name") { Description = "The back office's name, for the operator." }.NotBlank();
        var create = new Command("create-backoffice-key", "Issue a back office's key for the status API (printed once).") { jurisdiction, name };
        context.Handle<BackOfficeKeyService>(create, async (keys, parse, cancellationToken) =>
        {
            var (office, key) = await keys.CreateAsync(parse.GetRequiredValue(jurisdiction), parse.GetRequiredValue(name).Trim(), cancellationToken);
            await context.Output.WriteLineAsync($"Back-office key for '{office.Name}' of {office.JurisdictionId} (key id {office.KeyId}); it is shown only now:");
            await context.Output.WriteLineAsync(key);
            return ExitCodes.Success;
        });
        yield return create;

        var keyId = new Argument<string>("key id|key") { Description = "The key id that list-backoffice-keys shows, or the whole key." };
        var revoke = new Command("revoke-backoffice-key", "Revoke a back office's key.") { keyId };
        context.Handle<BackOfficeKeyService>(revoke, async (keys, parse, cancellationToken) =>
        {
            var revoked = await keys.RevokeAsync(parse.GetRequiredValue(keyId), cancellationToken);
            await context.Output.WriteLineAsync(revoked ? "Revoked." : "No active back-office key with that id.");
            return revoked ? ExitCodes.Success : ExitCodes.Failed;
        });
        yield return revoke;

        var list = new Command("list-backoffice-keys", "List back offices and their key ids.");
        context.Handle<BackOfficeKeyService>(list, async (keys, _, cancellationToken) =>
        {
            foreach (var o in await keys.ListAsync(cancellationToken))
                await context.Output.WriteLineAsync($"{o.KeyId}\t{o.JurisdictionId}\t{o.Name}\tcreated {o.CreatedAt:u}\t{KeyState.Of(o.RevokedAt)}");
            return ExitCodes.Success;
        });
        yield return list;
    }
}
