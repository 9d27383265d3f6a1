namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// Reads <c>page</c>+<c>page_size</c> (1-based) or <c>limit</c>+<c>offset</c> (Mark-a-Spot's clients); one style per
/// query. Either parameter of a style alone is enough; the other takes its default (page 1, offset 0, size 100).
/// </summary>
internal static class PagingParser
{
    public static Paging? Parse(IQueryCollection query, List<string> errors)
    {
        var pageStyle = QueryValues.Has(query, "page") || QueryValues.Has(query, "page_size");
        var offsetStyle = QueryValues.Has(query, "limit") || QueryValues.Has(query, "offset");
        if (pageStyle && offsetStyle)
        {
            errors.Add("page and page_size cannot be combined with limit and offset: use one style of paging.");
            return null;
        }
        if (!pageStyle && !offsetStyle) return null;

        var sizeRange = $"between 1 and {Paging.MaxSize}";
        var before = errors.Count;
        if (pageStyle)
        {
            var page = QueryValues.WholeNumber(query, "page", 1, int.MaxValue, "of at least 1", errors) ?? 1;
            var size = QueryValues.WholeNumber(query, "page_size", 1, Paging.MaxSize, sizeRange, errors) ?? Paging.DefaultSize;
            return errors.Count > before ? null : new Paging((page - 1) * size, (int)size);
        }
        var offset = QueryValues.WholeNumber(query, "offset", 0, long.MaxValue, "of at least 0", errors) ?? 0;
        var limit = QueryValues.WholeNumber(query, "limit", 1, Paging.MaxSize, sizeRange, errors) ?? Paging.DefaultSize;
        return errors.Count > before ? null : new Paging(offset, (int)limit);
    }
}
