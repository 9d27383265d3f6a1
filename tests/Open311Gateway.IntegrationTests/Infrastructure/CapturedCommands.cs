using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>Keeps a copy of every query EF Core sends, with its parameters, so that a test can EXPLAIN exactly that query.</summary>
public sealed class CapturedCommands : DbCommandInterceptor
{
    private readonly List<NpgsqlCommand> _commands = [];

    public IReadOnlyList<NpgsqlCommand> Commands => _commands;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        var copy = new NpgsqlCommand(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters) copy.Parameters.Add(parameter.Clone());
        _commands.Add(copy);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
