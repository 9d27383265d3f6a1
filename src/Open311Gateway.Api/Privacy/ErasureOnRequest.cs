using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Privacy;

/// <summary>
/// A person's request to have their data erased (DSGVO Art. 17): every report and follow-up that carries their e-mail
/// address or phone number, in every jurisdiction or in one. The rows are locked (not skipped) so that the erasure
/// reaches each of them, even one the retention job is erasing at the same moment.
/// </summary>
public sealed class ErasureOnRequest(GatewayDbContext db, PersonalDataEraser eraser)
{
    public async Task<PersonalDataErasure> EraseAsync(string emailOrPhone, string? jurisdictionId, CancellationToken cancellationToken)
    {
        var person = PersonIdentifier.Parse(emailOrPhone);
        if (jurisdictionId is not null && !await db.Jurisdictions.AnyAsync(j => j.Id == jurisdictionId, cancellationToken))
            throw new ArgumentException($"There is no jurisdiction '{jurisdictionId}'.");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inJurisdiction = jurisdictionId is null ? "" : "AND r.jurisdiction_id = @jurisdiction";
        var reportMatch = person.Email is not null ? "lower(r.email) = @person" : PersonIdentifier.PhoneDigitsSql("r.phone") + " = @person";
        var reports = await IdsAsync($"""
            SELECT r.id AS "Value" FROM service_requests r
            WHERE {reportMatch} {inJurisdiction}
            ORDER BY r.id FOR UPDATE OF r
            """, person, jurisdictionId, cancellationToken);
        // Follow-ups carry no phone number.
        var updates = person.Email is null ? [] : await IdsAsync($"""
            SELECT u.id AS "Value" FROM request_updates u JOIN service_requests r ON r.id = u.service_request_id
            WHERE lower(u.email) = @person {inJurisdiction}
            ORDER BY u.id FOR UPDATE OF u
            """, person, jurisdictionId, cancellationToken);
        var audit = await eraser.EraseAsync(ErasureReasons.Request, jurisdictionId, reports, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return audit;
    }

    private Task<List<long>> IdsAsync(string sql, PersonIdentifier person, string? jurisdictionId, CancellationToken cancellationToken)
    {
        // Parameters are used once per query: Npgsql will not share one instance between two commands.
        NpgsqlParameter[] parameters = jurisdictionId is null
            ? [new("person", person.Email ?? person.PhoneDigits)]
            : [new("person", person.Email ?? person.PhoneDigits), new("jurisdiction", jurisdictionId)];
        return db.Database.SqlQueryRaw<long>(sql, parameters).ToListAsync(cancellationToken);
    }
}
