using System.CommandLine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Cli;

/// <summary><c>migrate</c>.</summary>
public static class DatabaseCommands
{
    public static IEnumerable<Command> Create(OperatorContext context)
    {
        var migrate = new Command("migrate", "Apply database migrations.");
        context.Handle<IServiceProvider>(migrate, async (services, _, cancellationToken) =>
        {
            await services.GetRequiredService<GatewayDbContext>().Database.MigrateAsync(cancellationToken);
            // Creates the data-protection key (status-page cookies) now, once, rather than in each API process that starts
            // on an empty key ring at the same moment (each would make its own, and reject the others' cookies until it reloads).
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Open311Gateway.Migrate").Protect([0]);
            await context.Output.WriteLineAsync("Database is up to date.");
            return ExitCodes.Success;
        });
        yield return migrate;
    }
}
