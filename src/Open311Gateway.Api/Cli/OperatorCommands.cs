using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.Moderation;
using Open311Gateway.Api.Privacy;

namespace Open311Gateway.Api.Cli;

/// <summary>
/// Operator commands run through the API's own executable, with its configuration:
/// <c>dotnet Open311Gateway.Api.dll &lt;command&gt; [arguments]</c>.
/// </summary>
public static class OperatorCommands
{
    public static readonly IReadOnlyDictionary<string, string> Usage = new Dictionary<string, string>
    {
        ["migrate"] = "migrate                      apply database migrations",
        ["import-catalog"] = "import-catalog <file.yaml>   validate a catalogue and import it (nothing changes if it has errors)",
        ["check-catalog"] = "check-catalog <file.yaml>    validate a catalogue without importing it",
        ["create-api-key"] = "create-api-key <client name>  issue an API key for a client app (printed once)",
        ["revoke-api-key"] = "revoke-api-key <key id|key>   revoke a client app's key",
        ["list-api-keys"] = "list-api-keys                list client apps and their key ids",
        ["create-backoffice-key"] = "create-backoffice-key <jurisdiction> <name>  issue a back office's key for the status API (printed once)",
        ["revoke-backoffice-key"] = "revoke-backoffice-key <key id|key>  revoke a back office's key",
        ["list-backoffice-keys"] = "list-backoffice-keys         list back offices and their key ids",
        ["release-report"] = "release-report <id>          publish a held or hidden report (moderation; the back office has it already)",
        ["hide-report"] = "hide-report <id>             take a report from public view (moderation); release-report shows it again",
        ["list-deliveries"] = "list-deliveries [state]      latest deliveries (state: in_flight, retry_wait, delivered, rejected, failed)",
        ["replay-delivery"] = "replay-delivery <id> [reroute]  send a failed or rejected delivery again (reroute: by the catalogue's route now, not the stored one)",
        ["replay-failed"] = "replay-failed <jurisdiction> send every failed delivery of a jurisdiction again",
        ["list-parked-outbox"] = "list-parked-outbox           outbox messages parked after failing by themselves, with the reason",
        ["replay-parked-outbox"] = "replay-parked-outbox <id|all>  let the dispatcher try parked outbox messages again",
        ["erase-personal-data"] = "erase-personal-data <e-mail|phone> [jurisdiction]  erase one person's data on request (DSGVO Art. 17); the public record stays",
        ["run-retention"] = "run-retention                erase now the personal data whose retention after closing ran out (the API does it hourly)",
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && (Usage.ContainsKey(args[0]) || args[0] == "help");

    /// <summary>The host's own arguments: everything but the command and its operands.</summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray() : args;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCommandAsync(services, args, output, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // An operator's mistake (a missing file, an unknown jurisdiction) deserves one line, not a stack trace.
            await output.WriteLineAsync($"{args[0]}: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunCommandAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var operands = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        switch (args[0])
        {
            case "migrate":
                await provider.GetRequiredService<GatewayDbContext>().Database.MigrateAsync(cancellationToken);
                await output.WriteLineAsync("Database is up to date.");
                return 0;
            case "import-catalog" when operands.Length == 1:
                var imported = await provider.GetRequiredService<CatalogImporter>().ImportFileAsync(operands[0], cancellationToken);
                await output.WriteLineAsync(imported.ToString());
                return imported.Succeeded ? 0 : 1;
            case "check-catalog" when operands.Length == 1:
                var parsed = await CatalogParser.ParseFileAsync(operands[0], cancellationToken);
                foreach (var e in parsed.Errors) await output.WriteLineAsync(e.ToString());
                await output.WriteLineAsync(parsed.IsValid ? "The catalogue is valid." : "The catalogue has errors.");
                return parsed.IsValid ? 0 : 1;
            case "create-api-key" when operands.Length == 1 && !string.IsNullOrWhiteSpace(operands[0]):
                var (client, key) = await provider.GetRequiredService<ApiKeyService>().CreateAsync(operands[0].Trim(), cancellationToken);
                await output.WriteLineAsync($"API key for '{client.Name}' (key id {client.KeyId}); it is shown only now:");
                await output.WriteLineAsync(key);
                return 0;
            case "revoke-api-key" when operands.Length == 1:
                var revoked = await provider.GetRequiredService<ApiKeyService>().RevokeAsync(operands[0], cancellationToken);
                await output.WriteLineAsync(revoked ? "Revoked." : "No active key with that id.");
                return revoked ? 0 : 1;
            case "list-api-keys":
                foreach (var c in await provider.GetRequiredService<ApiKeyService>().ListAsync(cancellationToken))
                    await output.WriteLineAsync($"{c.KeyId}\t{c.Name}\tcreated {c.CreatedAt:u}\t{(c.RevokedAt is { } r ? $"revoked {r:u}" : "active")}");
                return 0;
            case "create-backoffice-key" when operands.Length == 2:
                var (office, officeKey) = await provider.GetRequiredService<BackOfficeKeyService>().CreateAsync(operands[0], operands[1].Trim(), cancellationToken);
                await output.WriteLineAsync($"Back-office key for '{office.Name}' of {office.JurisdictionId} (key id {office.KeyId}); it is shown only now:");
                await output.WriteLineAsync(officeKey);
                return 0;
            case "revoke-backoffice-key" when operands.Length == 1:
                var officeRevoked = await provider.GetRequiredService<BackOfficeKeyService>().RevokeAsync(operands[0], cancellationToken);
                await output.WriteLineAsync(officeRevoked ? "Revoked." : "No active back-office key with that id.");
                return officeRevoked ? 0 : 1;
            case "list-backoffice-keys":
                foreach (var o in await provider.GetRequiredService<BackOfficeKeyService>().ListAsync(cancellationToken))
                    await output.WriteLineAsync($"{o.KeyId}\t{o.JurisdictionId}\t{o.Name}\tcreated {o.CreatedAt:u}\t{(o.RevokedAt is { } r ? $"revoked {r:u}" : "active")}");
                return 0;
            case "release-report" or "hide-report" when operands.Length == 1:
                return await ModerateAsync(provider.GetRequiredService<ReportModeration>(), args[0] == "release-report", operands[0], output, cancellationToken);
            case "list-deliveries" when operands.Length <= 1:
                foreach (var d in await provider.GetRequiredService<DeliveryOperations>().ListAsync(operands.FirstOrDefault(), cancellationToken))
                    await output.WriteLineAsync($"{d.Id}\t{d.JurisdictionId}\t{d.Kind}\trequest {d.ServiceRequestId}\t{d.State}\tattempts {d.Attempts}\t{d.UpdatedAt:u}\t{d.LastError}");
                return 0;
            case "replay-delivery" when operands.Length is 1 or 2 && Guid.TryParse(operands[0], out var deliveryId) && operands.Skip(1).All(o => o == "reroute"):
                var one = await provider.GetRequiredService<DeliveryOperations>().ReplayAsync(deliveryId, null, cancellationToken, reroute: operands.Length == 2);
                await output.WriteLineAsync(one == 1 ? "Replay scheduled." : "No failed or rejected delivery with that id.");
                return one == 1 ? 0 : 1;
            case "replay-failed" when operands.Length == 1:
                var all = await provider.GetRequiredService<DeliveryOperations>().ReplayAsync(null, operands[0], cancellationToken);
                await output.WriteLineAsync($"{all} failed deliveries of {operands[0]} scheduled again.");
                return 0;
            case "list-parked-outbox":
                foreach (var m in await provider.GetRequiredService<OutboxOperations>().ListParkedAsync(cancellationToken))
                    await output.WriteLineAsync($"{m.Id}\t{m.MessageType}\t{m.Destination}\tparked {m.ParkedAt:u}\t{m.ParkReason}");
                return 0;
            case "replay-parked-outbox" when operands.Length == 1 && (operands[0] == "all" || long.TryParse(operands[0], out _)):
                var unparked = await provider.GetRequiredService<OutboxOperations>()
                    .ReplayParkedAsync(operands[0] == "all" ? null : long.Parse(operands[0], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                await output.WriteLineAsync($"{unparked} parked outbox messages will be sent again.");
                return unparked > 0 || operands[0] == "all" ? 0 : 1;
            case "erase-personal-data" when operands.Length is 1 or 2:
                var erasure = await provider.GetRequiredService<ErasureOnRequest>().EraseAsync(operands[0], operands.ElementAtOrDefault(1), cancellationToken);
                // The audit entry names rows, never the person: the address or number is not repeated here either.
                await output.WriteLineAsync($"Erased personal data in {erasure.ServiceRequestIds.Count} reports, {erasure.RequestUpdateIds.Count} follow-ups, "
                    + $"{erasure.Deliveries} deliveries and {erasure.OutboxMessages} waiting outbox messages"
                    + $" in {erasure.JurisdictionId ?? "every jurisdiction"} (audit entry {erasure.Id}).");
                return 0;
            case "run-retention":
                var swept = await provider.GetRequiredService<RetentionSweep>().RunAsync(cancellationToken);
                await output.WriteLineAsync($"Retention: {swept} reports whose retention ran out had personal data erased.");
                return 0;
            default:
                await output.WriteLineAsync("Commands:");
                foreach (var line in Usage.Values) await output.WriteLineAsync("  " + line);
                return args[0] == "help" ? 0 : 2;
        }
    }

    private static async Task<int> ModerateAsync(ReportModeration moderation, bool release, string id, TextWriter output, CancellationToken cancellationToken)
    {
        var requestId = long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
        var outcome = requestId <= 0 ? ModerationOutcome.NotFound
            : release ? await moderation.ReleaseAsync(requestId, null, cancellationToken) : await moderation.HideAsync(requestId, null, cancellationToken);
        var done = release ? "released" : "hidden";
        await output.WriteLineAsync(!outcome.Found ? $"No report with id {id}."
            : !outcome.Changed ? $"Report {requestId} was {done} already; nothing changed."
            : $"Report {requestId} {done}." + (release && !outcome.VisibleToPublic ? " Its service is private or blackbox, so the public still does not see it." : ""));
        return outcome.Found ? 0 : 1;
    }
}
