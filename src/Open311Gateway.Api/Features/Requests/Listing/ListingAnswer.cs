using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>A listing, or the Open311 errors that say why there is none.</summary>
/// <param name="ChangesUntil">For a sync: the latest public change time it could show, where the next sync starts.</param>
public sealed record ListingAnswer(Open311Document? Document, int ErrorCode, IReadOnlyList<string> Errors, DateTimeOffset? ChangesUntil)
{
    public static ListingAnswer Refused(int code, params IEnumerable<string> errors) => new(null, code, errors.ToList(), null);
}
