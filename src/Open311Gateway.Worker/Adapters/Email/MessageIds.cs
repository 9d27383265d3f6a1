namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>
/// Our Message-IDs, derived from our ids only, so every attempt of a message carries the same one: mail clients
/// thread on it, and a mail sent twice (see <see cref="EmailAdapter"/>) is recognisable as one. Written without the
/// angle brackets, as MimeKit takes them.
/// </summary>
public static class MessageIds
{
    public static string ForReport(string serviceRequestId, string jurisdictionId, string domain) =>
        $"report-{Atom(serviceRequestId)}.{Atom(jurisdictionId)}@{domain}";

    public static string ForUpdate(string updateId, string jurisdictionId, string domain) =>
        $"update-{Atom(updateId)}.{Atom(jurisdictionId)}@{domain}";

    /// <summary>A dot-separated name of letters, digits and hyphens, as RFC 5322's id-right allows without quoting.</summary>
    public static bool IsUsableDomain(string domain) =>
        domain.Length is > 0 and <= 253
        && domain.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    // Our ids are digits and domain-like jurisdiction ids; anything else is replaced, so a header never needs quoting.
    private static string Atom(string text)
    {
        var atom = new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('.');
        while (atom.Contains("..", StringComparison.Ordinal)) atom = atom.Replace("..", ".", StringComparison.Ordinal);
        return atom.Length == 0 ? "-" : atom;
    }
}
