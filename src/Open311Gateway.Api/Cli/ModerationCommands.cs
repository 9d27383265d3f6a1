using System.CommandLine;
using System.Globalization;
using Open311Gateway.Api.Moderation;

namespace Open311Gateway.Api.Cli;

/// <summary><c>release-report</c>, <c>hide-report</c>: moderation of any jurisdiction's report by id.</summary>
public static class ModerationCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        yield return Moderate(context, release: true, "release-report", "Publish a held or hidden report (the back office has it already).");
        yield return Moderate(context, release: false, "hide-report", "Take a report from public view; release-report shows it again.");
    }

    private static Command Moderate(OperatorContext context, bool release, string name, string description)
    {
        // A string, not a number: an id that is no report's (or no number) is "no report with id …" (exit 1), as for any unknown id.
        var id = new Argument<string>("id") { Description = "The report's service_request_id." };
        var command = new Command(name, description) { id };
        context.Handle<ReportModeration>(command, async (moderation, parse, cancellationToken) =>
        {
            var text = parse.GetRequiredValue(id);
            var requestId = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
            var outcome = requestId <= 0 ? ModerationOutcome.NotFound
                : release ? await moderation.ReleaseAsync(requestId, null, cancellationToken) : await moderation.HideAsync(requestId, null, cancellationToken);
            var done = release ? "released" : "hidden";
            await context.Output.WriteLineAsync(!outcome.Found ? $"No report with id {text}."
                : !outcome.Changed ? $"Report {requestId} was {done} already; nothing changed."
                : $"Report {requestId} {done}." + (release && !outcome.VisibleToPublic ? " Its service is private or blackbox, so the public still does not see it." : ""));
            return outcome.Found ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
