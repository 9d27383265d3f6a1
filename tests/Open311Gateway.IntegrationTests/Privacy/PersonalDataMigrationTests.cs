using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Privacy;

/// <summary>
/// The migration's hand-written part over rows from before it: closed reports get their closing time, delivery
/// messages their delivery, payloads of ended deliveries go, and jurisdictions get the default retention.
/// </summary>
public sealed class PersonalDataMigrationTests : IAsyncLifetime
{
    // The migration just before PersonalDataRetention: rename here when migrations are regenerated.
    private const string Before = "20261201094139_Boundaries";
    private readonly TestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database.Name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Rows_from_before_get_closed_at_delivery_ids_and_lose_the_payloads_of_ended_deliveries()
    {
        await using var db = _database.CreateDbContext();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(Before);
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            // Plain SQL: the rows are as the schema before the migration had them, which today's model cannot write.
            await using var seed = new NpgsqlCommand("""
            INSERT INTO jurisdictions (id, name, time_zone, delivery_settings, delivery_statuses, is_active, imported_at)
            VALUES ('alt.de', 'Alt', 'Europe/Berlin', '{}', '{}', true, now());
            INSERT INTO services (id, jurisdiction_id, code, name, type, attributes, delivery_settings, delivery_statuses, external_attributes, is_active)
            OVERRIDING SYSTEM VALUE VALUES (1, 'alt.de', 'LOCH', 'Loch', 'realtime', '[]', '{}', '{}', '{}', true);
            INSERT INTO api_clients (id, name, key_id, secret_hash, created_at) OVERRIDING SYSTEM VALUE VALUES (1, 'App', 'k1', '\x00', now());
            INSERT INTO service_requests (id, jurisdiction_id, service_id, api_client_id, status, extended_status, requested_at, updated_at,
                                          public_changed_at, media_urls, attributes, email)
            OVERRIDING SYSTEM VALUE VALUES
                (1, 'alt.de', 1, 1, 'closed', 'FIXED', now(), now(), '2026-10-01T12:00:00Z', '{}', '{}', 'a@example.org'),
                (2, 'alt.de', 1, 1, 'open', 'OPEN', now(), now(), '2026-10-02T12:00:00Z', '{}', '{}', 'b@example.org');
            INSERT INTO deliveries (id, kind, service_request_id, jurisdiction_id, state, attempts, attempts_at_replay, created_at, updated_at) VALUES
                ('00000000-0000-0000-0000-00000000000a', 'request', 1, 'alt.de', 'delivered', 1, 0, now(), now()),
                ('00000000-0000-0000-0000-00000000000b', 'request', 2, 'alt.de', 'retry_wait', 1, 0, now(), now());
            INSERT INTO outbox_messages (message_type, destination, payload, created_at, send_attempts, row_failures) VALUES
                ('Open311Gateway.Contracts.ServiceRequestSubmitted', 'q', '{"deliveryId":"00000000-0000-0000-0000-00000000000a","email":"a@example.org"}', now(), 0, 0),
                ('Open311Gateway.Contracts.ServiceRequestSubmitted', 'q', '{"deliveryId":"00000000-0000-0000-0000-00000000000b","email":"b@example.org"}', now(), 0, 0),
                ('Open311Gateway.Contracts.StatusPolls.StatusPollRequested', 'q', '{"pollId":"00000000-0000-0000-0000-00000000000c"}', now(), 0, 0);
            """, connection);
            await seed.ExecuteNonQueryAsync();
        }

        await migrator.MigrateAsync();

        Assert.Equal(30, (await db.Jurisdictions.SingleAsync()).PersonalDataRetentionDays);
        var requests = await db.ServiceRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([DateTimeOffset.Parse("2026-10-01T12:00:00Z"), null], requests.Select(r => r.ClosedAt));
        var outbox = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([Guid.Parse("00000000-0000-0000-0000-00000000000b"), null], outbox.Select(m => m.DeliveryId));
        Assert.Contains("b@example.org", outbox[0].Payload);
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
