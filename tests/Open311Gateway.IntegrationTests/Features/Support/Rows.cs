using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Support;

/// <summary>Writes service requests straight into the test database, for states a POST cannot make (old, closed, many).</summary>
public static class Rows
{
    public static async Task<long> CountAsync(GatewayApp app)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.ServiceRequests.LongCountAsync();
    }

    public static async Task<ServiceRequest> FindAsync(GatewayApp app, long id)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.ServiceRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    /// <summary>A new open request for <paramref name="serviceCode"/>, requested at <paramref name="requestedAt"/> (UTC).</summary>
    public static async Task<ServiceRequest> NewAsync(GatewayApp app, DateTimeOffset requestedAt, string serviceCode = "SCHLAGLOCH",
        string jurisdiction = TestCatalog.Jurisdiction, string description = "Eingefügt")
    {
        await using var db = app.Database.CreateDbContext();
        var service = await db.Services.SingleAsync(s => s.JurisdictionId == jurisdiction && s.Code == serviceCode);
        var client = await db.ApiClients.OrderBy(c => c.Id).FirstAsync();
        return new ServiceRequest
        {
            JurisdictionId = jurisdiction, ServiceId = service.Id, ApiClientId = client.Id,
            Status = "open", ExtendedStatus = "OPEN",
            RequestedAt = requestedAt.ToUniversalTime(), UpdatedAt = requestedAt.ToUniversalTime(), PublicChangedAt = requestedAt.ToUniversalTime(),
            Description = description, Location = new Point(13.405, 52.52) { SRID = 4326 },
        };
    }

    /// <summary>Inserts the rows with one SaveChanges and returns them with their ids.</summary>
    public static async Task<IReadOnlyList<ServiceRequest>> InsertAsync(GatewayApp app, params IEnumerable<ServiceRequest> rows)
    {
        var list = rows.ToList();
        await using var db = app.Database.CreateDbContext();
        db.ServiceRequests.AddRange(list);
        await db.SaveChangesAsync();
        return list;
    }

    public static async Task<ServiceRequest> InsertAsync(GatewayApp app, DateTimeOffset requestedAt, Action<ServiceRequest>? change = null,
        string serviceCode = "SCHLAGLOCH", string jurisdiction = TestCatalog.Jurisdiction)
    {
        var row = await NewAsync(app, requestedAt, serviceCode, jurisdiction);
        change?.Invoke(row);
        await InsertAsync(app, [row]);
        return row;
    }
}
