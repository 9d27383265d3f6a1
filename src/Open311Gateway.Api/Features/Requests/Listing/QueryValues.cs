using System.Globalization;
using Microsoft.Extensions.Primitives;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>Reading single query parameters: an empty value counts as absent, as for the standard's filters.</summary>
internal static class QueryValues
{
    public static string? Text(IQueryCollection query, string name) =>
        query[name].LastOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public static bool Has(IQueryCollection query, string name) => Text(query, name) is not null;

    public static List<string> CommaList(StringValues values) => values
        .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .ToList();

    /// <summary>A finite decimal number with a point (never a comma, never NaN or Infinity).</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    /// <summary>A whole number of plain digits within the range; the error names the parameter and its value.</summary>
    public static long? WholeNumber(IQueryCollection query, string name, long min, long max, string range, List<string> errors)
    {
        var text = Text(query, name);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add($"{name} '{TextRules.Shorten(text)}' is not a whole number {range}.");
        return null;
    }

}
