namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>The filters of a public <c>GET requests</c>, checked and with defaults applied.</summary>
public sealed record RequestQuery(
    IReadOnlyList<long> ServiceRequestIds,
    IReadOnlyList<string> ServiceCodes,
    IReadOnlyList<string> Statuses,
    DateTimeOffset Start,
    DateTimeOffset End)
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan MaxWindow = Open311.Open311DateWindow.MaxWindow;
}
