using System.CommandLine;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Operations;

namespace Open311Gateway.Api.Cli;

/// <summary><c>list-deliveries</c>, <c>replay-delivery</c>, <c>replay-failed</c>: deliveries to back offices.</summary>
public static class DeliveryCommands
{
    private static readonly string[] States =
        [DeliveryStates.InFlight, DeliveryStates.RetryWait, DeliveryStates.Delivered, DeliveryStates.Rejected, DeliveryStates.Failed];

    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var state = new Argument<string?>("state") { Description = "Only deliveries in this state.", Arity = ArgumentArity.ZeroOrOne, HelpName = "state" };
        state.AcceptOnlyFromAmong(States);
        var list = new Command("list-deliveries", "The latest 500 deliveries, newest first.") { state };
        context.Handle<DeliveryOperations>(list, async (deliveries, parse, cancellationToken) =>
        {
            foreach (var d in await deliveries.ListAsync(parse.GetValue(state), cancellationToken))
                await context.Output.WriteLineAsync($"{d.Id}\t{d.JurisdictionId}\t{d.Kind}\trequest {d.ServiceRequestId}\t{d.State}\tattempts {d.Attempts}\t{d.UpdatedAt:u}\t{d.LastError}");
            return ExitCodes.Success;
        });
        yield return list;

        var id = new Argument<Guid>("id") { Description = "The delivery's id from list-deliveries." };
        var reroute = new Argument<string?>("reroute")
        {
            Description = "Take the catalogue's route now, not the stored one: for a delivery whose route was wrong, never for one a back office may have.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        reroute.AcceptOnlyFromAmong("reroute");
        var replay = new Command("replay-delivery", "Send a failed or rejected delivery again.") { id, reroute };
        context.Handle<DeliveryOperations>(replay, async (deliveries, parse, cancellationToken) =>
        {
            var replayed = await deliveries.ReplayAsync(parse.GetValue(id), null, cancellationToken, reroute: parse.GetValue(reroute) is not null);
            await context.Output.WriteLineAsync(replayed == 1 ? "Replay scheduled." : "No failed or rejected delivery with that id.");
            return replayed == 1 ? ExitCodes.Success : ExitCodes.Failed;
        });
        yield return replay;

        var jurisdiction = new Argument<string>("jurisdiction") { Description = "The jurisdiction id." };
        var replayFailed = new Command("replay-failed", "Send every failed delivery of a jurisdiction again.") { jurisdiction };
        context.Handle<DeliveryOperations>(replayFailed, async (deliveries, parse, cancellationToken) =>
        {
            var which = parse.GetRequiredValue(jurisdiction);
            var replayed = await deliveries.ReplayAsync(null, which, cancellationToken);
            await context.Output.WriteLineAsync($"{replayed} failed deliveries of {which} scheduled again.");
            return ExitCodes.Success;
        });
        yield return replayFailed;
    }
}
