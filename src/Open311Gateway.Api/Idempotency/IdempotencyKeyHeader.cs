namespace Open311Gateway.Api.Idempotency;

/// <summary>
/// Reads the optional <c>Idempotency-Key</c> header: 1 to 255 printable ASCII characters, bare (as most APIs take it)
/// or as a structured-field string in double quotes (as the IETF draft writes it); both name the same key.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <returns>The key (null when no header came), or the problem for a 400.</returns>
    public static (string? Key, string? Error) Read(HttpRequest request)
    {
        var values = request.Headers[Name];
        if (values.Count == 0) return (null, null);
        if (values.Count > 1) return (null, $"{Name} was given {values.Count} times; send it once.");
        var key = values[0]!.Trim();
        if (key.Length >= 2 && key[0] == '"' && key[^1] == '"') key = key[1..^1];
        if (key.Length is 0 or > MaxLength || !key.All(c => c is >= ' ' and <= '~') || key.Contains('"'))
            return (null, $"{Name} must be 1 to {MaxLength} printable ASCII characters, such as a UUID.");
        return (key, null);
    }
}
