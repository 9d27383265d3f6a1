namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>A report's place in a sync: the change time it is sorted by, then its id.</summary>
public sealed class ChangeKey : IComparable<ChangeKey>
{
    public long Id { get; init; }
    public DateTimeOffset ChangedAt { get; init; }

    public int CompareTo(ChangeKey? other) => other is null ? 1
        : ChangedAt != other.ChangedAt ? ChangedAt.CompareTo(other.ChangedAt) : Id.CompareTo(other.Id);
}
