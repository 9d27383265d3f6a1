namespace Open311Gateway.Api.Features.Updates;

/// <summary>A client app's follow-up that passed every check, ready to be stored and forwarded.</summary>
public sealed record ValidatedCitizenUpdate(
    string UpdateId,
    string? Status,
    string? Description,
    string? MediaUrl,
    DateTimeOffset? UpdatedAt,
    string? Email,
    string? FirstName,
    string? LastName,
    string? AccountId);
