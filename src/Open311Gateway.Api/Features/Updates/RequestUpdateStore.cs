using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Updates;

/// <summary>
/// Stores each sender's update at most once. A sender that lost our answer sends the same update id
/// again and must get the original back, with nothing written twice; when two copies arrive at once,
/// the unique index on (source, sender, sender_update_id) decides which one is the original.
/// </summary>
public sealed class RequestUpdateStore(GatewayDbContext db)
{
    public Task<RequestUpdate?> FindAsync(string source, string sender, string senderUpdateId, CancellationToken cancellationToken) =>
        db.RequestUpdates.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Source == source && u.Sender == sender && u.SenderUpdateId == senderUpdateId, cancellationToken);

    /// <summary>
    /// Saves <paramref name="update"/> and whatever <paramref name="alongside"/> writes once the update has its id,
    /// in one transaction. When the sender already sent this update id, writes nothing and returns the original.
    /// </summary>
    public async Task<(RequestUpdate Update, bool IsNew)> AddOnceAsync(
        RequestUpdate update, Func<RequestUpdate, CancellationToken, Task> alongside, CancellationToken cancellationToken)
    {
        if (await FindAsync(update.Source, update.Sender, update.SenderUpdateId, cancellationToken) is { } earlier) return (earlier, false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.RequestUpdates.Add(update);
            await db.SaveChangesAsync(cancellationToken);
            await alongside(update, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (update, true);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another copy committed between our look-up and our insert; ours was rolled back with everything alongside it.
            db.ChangeTracker.Clear();
            var original = await FindAsync(update.Source, update.Sender, update.SenderUpdateId, cancellationToken);
            return original is null ? throw new InvalidOperationException("Storing an update hit a unique index other than the sender's update id.", e) : (original, false);
        }
    }
}
