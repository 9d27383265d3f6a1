using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Cli;

/// <summary><c>migrate</c>.</summary>
public static class DatabaseCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var migrate = new Command("migrate", "Apply database migrations.");
        context.Handle<GatewayDbContext>(migrate, async (db, _, cancellationToken) =>
        {
            await db.Database.MigrateAsync(cancellationToken);
            await context.Output.WriteLineAsync("Database is up to date.");
            return ExitCodes.Success;
        });
        yield return migrate;
    }
}
