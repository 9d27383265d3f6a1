using System.CommandLine;
using Open311Gateway.Api.Privacy;

namespace Open311Gateway.Api.Cli;

/// <summary><c>erase-personal-data</c>, <c>run-retention</c> (specs/privacy.md).</summary>
public static class PrivacyCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var person = new Argument<string>("e-mail|phone") { Description = "The person's e-mail address or phone number (digits are compared)." }.NotBlank();
        var jurisdiction = new Argument<string?>("jurisdiction") { Description = "Only this jurisdiction; default: every one.", Arity = ArgumentArity.ZeroOrOne };
        var erase = new Command("erase-personal-data", "Erase one person's data on request (DSGVO Art. 17); the public record stays.") { person, jurisdiction };
        context.Handle<ErasureOnRequest>(erase, async (erasure, parse, cancellationToken) =>
        {
            var done = await erasure.EraseAsync(parse.GetRequiredValue(person), parse.GetValue(jurisdiction), cancellationToken);
            // The audit entry names rows, never the person: the address or number is not repeated here either.
            await context.Output.WriteLineAsync($"Erased personal data in {done.ServiceRequestIds.Count} reports, {done.RequestUpdateIds.Count} follow-ups, "
                + $"{done.Deliveries} deliveries and {done.OutboxMessages} waiting outbox messages"
                + $" in {done.JurisdictionId ?? "every jurisdiction"} (audit entry {done.Id}).");
            return ExitCodes.Success;
        });
        yield return erase;

        var retention = new Command("run-retention", "Erase now the personal data whose retention after closing ran out (every API process does it hourly).");
        context.Handle<RetentionSweep>(retention, async (sweep, _, cancellationToken) =>
        {
            var swept = await sweep.RunAsync(cancellationToken);
            await context.Output.WriteLineAsync($"Retention: {swept} reports whose retention ran out had personal data erased.");
            return ExitCodes.Success;
        });
        yield return retention;
    }
}
