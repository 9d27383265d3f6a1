namespace Open311Gateway.Api.Privacy;

/// <summary>
/// Whom an erasure request names: an e-mail address (compared ignoring case) or a phone number (compared by its
/// digits alone, so "+49 30 123-45" finds "+4930 12345"; "030 12345" is another spelling and needs a request of its own).
/// </summary>
public sealed record PersonIdentifier(string? Email, string? PhoneDigits)
{
    public static PersonIdentifier Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal)) return new PersonIdentifier(trimmed.ToLowerInvariant(), null);
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        // Anything but digits and separators is no phone number: better refuse than erase by a fragment.
        if (digits.Length < 3 || trimmed.Any(c => !char.IsAsciiDigit(c) && " +-/().".IndexOf(c, StringComparison.Ordinal) < 0))
            throw new ArgumentException($"'{text}' is neither an e-mail address nor a phone number.");
        return new PersonIdentifier(null, digits);
    }

    /// <summary>The same normalisation in SQL, for a stored column.</summary>
    public static string PhoneDigitsSql(string column) => $"regexp_replace({column}, '[^0-9]', '', 'g')";
}
