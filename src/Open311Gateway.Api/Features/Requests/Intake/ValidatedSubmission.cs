namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>A POST that passed every check, ready to be stored.</summary>
public sealed record ValidatedSubmission(
    double? Latitude,
    double? Longitude,
    string? AddressString,
    string? AddressId,
    string? Description,
    IReadOnlyList<string> MediaUrls,
    Dictionary<string, List<string>> Attributes,
    string? Email,
    string? Phone,
    string? FirstName,
    string? LastName,
    string? DeviceId,
    string? AccountId);
