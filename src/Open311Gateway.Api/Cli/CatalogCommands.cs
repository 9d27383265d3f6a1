using System.CommandLine;
using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Api.Cli;

/// <summary><c>import-catalog</c>, <c>check-catalog</c>.</summary>
public static class CatalogCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var file = new Argument<string>("file.yaml") { Description = "The catalogue (give an absolute path under dotnet run)." };
        var import = new Command("import-catalog", "Validate a catalogue and import it; a file with errors changes nothing.") { file };
        context.Handle<CatalogImporter>(import, async (importer, parse, cancellationToken) =>
        {
            var imported = await importer.ImportFileAsync(parse.GetRequiredValue(file), cancellationToken);
            await context.Output.WriteLineAsync(imported.ToString());
            return imported.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
        });
        yield return import;

        var checkedFile = new Argument<string>("file.yaml") { Description = "The catalogue to validate." };
        var check = new Command("check-catalog", "Validate a catalogue without importing it.") { checkedFile };
        context.Handle<IServiceProvider>(check, async (_, parse, cancellationToken) =>
        {
            var parsed = await CatalogParser.ParseFileAsync(parse.GetRequiredValue(checkedFile), cancellationToken);
            foreach (var error in parsed.Errors) await context.Output.WriteLineAsync(error.ToString());
            await context.Output.WriteLineAsync(parsed.IsValid ? "The catalogue is valid." : "The catalogue has errors.");
            return parsed.IsValid ? ExitCodes.Success : ExitCodes.Failed;
        });
        yield return check;
    }
}
