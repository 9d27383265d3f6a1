using System.Net.Mail;

namespace Open311Gateway.Api.Catalog.Parsing;

/// <summary>The forms of address open-data metadata may carry: a public web page or a plain mail address.</summary>
internal static class WebAddress
{
    // Characters an IRI in Turtle cannot hold (IRIREF); .NET's Uri would accept and escape them, the catalogue would not.
    private static readonly char[] NotInIris = ['<', '>', '"', '{', '}', '|', '^', '`', '\\'];

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0 && IsIriText(text);

    private static bool IsIriText(string text) => !text.Any(c => c <= ' ' || char.IsControl(c) || NotInIris.Contains(c));

    // One address, no display name ("Amt <a@b>") and no list, so it becomes one mailto: IRI.
    public static bool IsMailAddress(string text) =>
        MailAddress.TryCreate(text, out var parsed) && parsed.Address == text && parsed.DisplayName.Length == 0
        && !text.Contains(',') && IsIriText(text);
}
