using Open311Gateway.Api.Features.Requests.Listing;

namespace Open311Gateway.Tests.Open311;

/// <summary>A sync's page, merged from a window of the settled keys and every moved key, is the page of the whole merged list.</summary>
public sealed class ChangeOrderPageTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(25, 0, 2)]
    [InlineData(0, 7, 3)]
    [InlineData(25, 3, 4)]
    [InlineData(25, 30, 5)]
    [InlineData(100, 9, 6)]
    public void Every_page_equals_the_page_of_the_fully_merged_list(int settledCount, int movedCount, int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(1, settledCount + movedCount)
            .Select(id => new ChangeKey { Id = id, ChangedAt = Start.AddMinutes(random.Next(0, 40)) }).OrderBy(_ => random.Next()).ToList();
        var settled = keys.Take(settledCount).Order().ToList();
        var moved = keys.Skip(settledCount).Order().ToList();
        var all = keys.Order().ToList();
        foreach (var size in new[] { 1, 3, 10 })
        {
            for (long offset = 0; offset <= all.Count + size; offset++)
            {
                var page = new Paging(offset, size);
                var (skip, take) = ChangeOrder.SettledWindow(page, moved.Count);
                var window = settled.Skip((int)skip).Take((int)take).ToList();
                var got = ChangeOrder.PageOf(window, skip, take, moved, page).Select(k => k.Id);
                Assert.Equal(all.Skip((int)offset).Take(size).Select(k => k.Id), got);
            }
        }
    }
}
