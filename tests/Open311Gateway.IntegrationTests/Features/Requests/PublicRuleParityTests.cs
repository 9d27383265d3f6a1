using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests;

/// <summary>
/// The public rule is written once as a LINQ expression; the intake's one-round-trip lookup asks it in two halves, the
/// row's as SQL and the service's in C# (ADR 22). Over every combination of moderation state, private flag and service
/// kind, the halves together must pick exactly the reports the expression picks.
/// </summary>
public sealed class PublicRuleParityTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string PrivateService = "Grün & Park/Bank";

    [Fact]
    public async Task The_rows_sql_and_the_services_check_together_pick_what_the_expression_picks()
    {
        await using var db = app.Database.CreateDbContext();
        await db.Services.Where(s => s.Code == PrivateService).ExecuteUpdateAsync(set => set.SetProperty(s => s.IsPrivate, true));
        string[] states = [ModerationStates.Published, ModerationStates.Held, ModerationStates.Hidden];
        var inserted = new List<long>();
        foreach (var code in new[] { "SCHLAGLOCH", "HINWEIS", PrivateService })
            foreach (var state in states)
                foreach (var isPrivate in new[] { false, true })
                    inserted.Add((await Rows.InsertAsync(app, DateTimeOffset.UtcNow, r => (r.Moderation, r.IsPrivate) = (state, isPrivate), code)).Id);

        var byExpression = await db.ServiceRequests.VisibleToPublic().Where(r => inserted.Contains(r.Id)).Select(r => r.Id).ToListAsync();
        var rowsBySql = await db.Database.SqlQueryRaw<long>(
            $"SELECT r.id AS \"Value\" FROM service_requests AS r WHERE {PublicReports.RowIsPublicSql}").ToListAsync();
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id);
        var serviceOf = await db.ServiceRequests.Where(r => inserted.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ServiceId);
        var byHalves = inserted.Where(id => rowsBySql.Contains(id) && PublicReports.ServiceIsPublic(services[serviceOf[id]])).ToList();

        Assert.Equal(18, inserted.Count);
        // Only the published, non-private report of the one public service is public.
        Assert.Single(byExpression);
        Assert.Equal(byExpression.Order(), byHalves.Order());
    }
}
