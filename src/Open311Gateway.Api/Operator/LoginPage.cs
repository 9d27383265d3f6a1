using System.Text;
using static Open311Gateway.Api.Operator.OperatorHtml;

namespace Open311Gateway.Api.Operator;

/// <summary>The form that asks for an admin key. The key is posted in the body, never put into a URL.</summary>
public static class LoginPage
{
    public static string Render(string nonce, string antiforgeryField, string antiforgeryToken, string? message)
    {
        var body = new StringBuilder()
            .Append("<header><h1>Open311 Gateway · operator status</h1></header>")
            .Append("<form class=\"login\" method=\"post\" action=\"").Append(OperatorPaths.Login).Append("\">")
            .Append(message is null ? "" : $"<p class=\"message\" role=\"alert\">{H(message)}</p>")
            .Append("<label for=\"admin_key\">Admin key (<code>create-admin-key &lt;name&gt;</code> issues one)</label>")
            .Append("<input type=\"password\" id=\"admin_key\" name=\"").Append(OperatorPaths.KeyField)
            .Append("\" autocomplete=\"off\" required autofocus>")
            .Append("<input type=\"hidden\" name=\"").Append(H(antiforgeryField)).Append("\" value=\"").Append(H(antiforgeryToken)).Append("\">")
            .Append("<button type=\"submit\">Sign in</button></form>");
        return Document("Sign in · Open311 Gateway operator", nonce, body.ToString());
    }
}
