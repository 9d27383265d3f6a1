using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// A report's public status history for <c>extensions=true</c>: the back office's updates, oldest first. Citizens'
/// follow-ups are forwarded, never published, and the sender's personal data is never read here.
/// </summary>
public static class PublicNotes
{
    public static async Task<ILookup<long, PublicNote>> ForAsync(GatewayDbContext db, IReadOnlyList<long> requestIds, CancellationToken cancellationToken)
    {
        if (requestIds.Count == 0) return Array.Empty<PublicNote>().ToLookup(u => u.ServiceRequestId);
        var updates = await db.RequestUpdates.AsNoTracking()
            .Where(u => requestIds.Contains(u.ServiceRequestId) && u.Source == RequestUpdateSources.BackOffice)
            .OrderBy(u => u.UpdatedAt).ThenBy(u => u.Id)
            .Select(u => new PublicNote(u.Id, u.ServiceRequestId, u.Status, u.Description, u.UpdatedAt))
            .ToListAsync(cancellationToken);
        return updates.ToLookup(u => u.ServiceRequestId);
    }
}
