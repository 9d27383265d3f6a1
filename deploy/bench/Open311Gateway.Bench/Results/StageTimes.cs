using Npgsql;

namespace Open311Gateway.Bench.Results;

/// <summary>When each report's outbox row was written and sent, read from the gateway's database after the run.</summary>
public static class StageTimes
{
    public static async Task<Dictionary<string, (DateTimeOffset Written, DateTimeOffset Sent)>> ReadAsync(string connectionString, IReadOnlyCollection<string> ids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT payload ->> 'serviceRequestId', created_at, sent_at FROM outbox_messages
            WHERE message_type = 'Open311Gateway.Contracts.ServiceRequestSubmitted' AND sent_at IS NOT NULL
              AND (payload ->> 'attempt')::int = 1 AND payload ->> 'serviceRequestId' = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var times = new Dictionary<string, (DateTimeOffset, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            times[reader.GetString(0)] = (reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2));
        return times;
    }
}
