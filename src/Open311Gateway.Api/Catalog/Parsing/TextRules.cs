namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>Checks on identifiers that clients must be able to send back unchanged.</summary>
internal static class TextRules
{
    public static bool IsJurisdictionId(string id) =>
        id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-');

    public static bool HasControlCharacter(string text) => text.Any(char.IsControl);

    /// <summary>Exactly an IANA id as the system knows it; Windows ids and other spellings are refused.</summary>
    public static bool IsIanaTimeZone(string id)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            // Lookup ignores case ("europe/berlin" is found); the stored id must be the canonical spelling.
            return zone.HasIanaId && string.Equals(zone.Id, id, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
