namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>One entry of a report's public status history: the back office's update, its time and its text.</summary>
public sealed record PublicNote(long UpdateId, long ServiceRequestId, string? Status, string? Description, DateTimeOffset UpdatedAt);
