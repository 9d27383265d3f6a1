namespace Open311Gateway.Api.BackOffice;

/// <summary>A back office's status update that passed every check; <see cref="Status"/> is upper case, from the table.</summary>
public sealed record BackOfficeUpdate(
    string UpdateId,
    string Status,
    string? StatusNotes,
    string? AgencyResponsible,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? UpdatedAt,
    string? MediaUrl);
