namespace Open311Gateway.Api.Submissions;

/// <summary>Limits every free-text field shares: a maximum length and no control characters but line breaks and tabs.</summary>
public static class TextRules
{
    public static string? Check(string name, string? value, int maxLength, List<string> errors)
    {
        if (value is null) return null;
        if (value.Length > maxLength) errors.Add($"{name} is {value.Length} characters long; at most {maxLength} are allowed.");
        // PostgreSQL cannot store NUL, XML cannot carry most control characters: refuse them up front.
        else if (value.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
            errors.Add($"{name} contains control characters.");
        return value;
    }

    /// <summary>
    /// Whether PostgreSQL can take the value at all: it refuses NUL even as a query parameter. A lookup by such
    /// a value finds nothing, so callers answer "unknown" without asking the database (which would fail with a 500).
    /// </summary>
    public static bool CanBeStored(string value) => !value.Contains('\0');

    /// <summary>Quotes a client's value in an error message without echoing a megabyte back.</summary>
    public static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
