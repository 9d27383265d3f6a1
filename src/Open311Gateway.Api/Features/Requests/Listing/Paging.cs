namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// One page of a sorted listing, from <c>page</c>+<c>page_size</c> (1-based) or <c>limit</c>+<c>offset</c>.
/// The offset is a long: page 2 000 000 000 of size 1000 is a valid, empty page, not an overflow.
/// </summary>
public sealed record Paging(long Offset, int Limit)
{
    public const int DefaultSize = 100;
    public const int MaxSize = RequestQuery.MaxResults;
}
