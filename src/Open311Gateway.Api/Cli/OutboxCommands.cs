using System.CommandLine;
using System.Globalization;
using Open311Gateway.Api.Deliveries.Operations;

namespace Open311Gateway.Api.Cli;

/// <summary><c>outbox-backlog</c>, <c>list-parked-outbox</c>, <c>replay-parked-outbox</c>: what the outbox dispatcher has not sent.</summary>
public static class OutboxCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var backlog = new Command("outbox-backlog", "Outbox messages not yet sent: how many wait, the oldest one's age and how many are parked, per jurisdiction.");
        context.Handle<OutboxBacklog>(backlog, async (outbox, _, cancellationToken) =>
        {
            var rows = await outbox.ByJurisdictionAsync(cancellationToken);
            foreach (var row in rows)
                await context.Output.WriteLineAsync($"{Label(row.JurisdictionId)}\twaiting {row.Waiting}\toldest {Age(outbox.AgeOf(row.OldestWaitingSince))}\tparked {row.Parked}");
            var oldest = rows.Where(r => r.OldestWaitingSince is not null).Select(r => r.OldestWaitingSince).Min();
            await context.Output.WriteLineAsync($"total\twaiting {rows.Sum(r => r.Waiting)}\toldest {Age(outbox.AgeOf(oldest))}\tparked {rows.Sum(r => r.Parked)}");
            return ExitCodes.Success;
        });
        yield return backlog;

        var parked = new Command("list-parked-outbox", "Outbox messages parked after failing by themselves, with the reason (replay-parked-outbox sends them again).");
        context.Handle<OutboxOperations>(parked, async (outbox, _, cancellationToken) =>
        {
            foreach (var m in await outbox.ListParkedAsync(cancellationToken))
                await context.Output.WriteLineAsync($"{m.Id}\t{m.MessageType}\t{m.Destination}\tparked {m.ParkedAt:u}\t{m.ParkReason}");
            return ExitCodes.Success;
        });
        yield return parked;

        var id = new Argument<string>("id|all") { Description = "A parked message's id from list-parked-outbox, or all." };
        id.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "all" && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                result.AddError($"<id|all> must be a message id (digits) or all, not '{value}'.");
        });
        var replay = new Command("replay-parked-outbox", "Let the dispatcher try parked outbox messages again.") { id };
        context.Handle<OutboxOperations>(replay, async (outbox, parse, cancellationToken) =>
        {
            var which = parse.GetRequiredValue(id);
            var unparked = await outbox.ReplayParkedAsync(which == "all" ? null : long.Parse(which, CultureInfo.InvariantCulture), cancellationToken);
            await context.Output.WriteLineAsync($"{unparked} parked outbox messages will be sent again.");
            return unparked > 0 || which == "all" ? ExitCodes.Success : ExitCodes.Failed;
        });
        yield return replay;
    }

    private static string Label(string jurisdictionId) => jurisdictionId == OutboxBacklog.NoJurisdiction ? "(status polls)" : jurisdictionId;

    private static string Age(TimeSpan? age) => age is { } a ? $"{a.TotalSeconds:0}s" : "-";
}
