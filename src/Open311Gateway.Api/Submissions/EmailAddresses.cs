using System.Net.Mail;

namespace Open311Gateway.Api.Submissions;

/// <summary>What every submitted <c>email</c> field must be: one plain address, exactly as written.</summary>
public static class EmailAddresses
{
    public static bool IsValid(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && !text.Contains(' ');
}
