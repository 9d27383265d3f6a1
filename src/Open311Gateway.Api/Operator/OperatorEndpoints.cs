using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Open311Gateway.Api.AdminKeys;

namespace Open311Gateway.Api.Operator;

/// <summary>
/// <c>GET /operator/</c> (the status page, or the sign-in form), <c>POST /operator/login</c>, <c>POST /operator/logout</c>.
/// Both POSTs need the antiforgery token of a form this page served, on top of the SameSite=Strict cookies.
/// </summary>
public static class OperatorEndpoints
{
    /// <summary>A sign-in form is a few hundred bytes; anything much larger is not one.</summary>
    private const long MaxFormBytes = 4096;

    public static void MapOperatorPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(OperatorPaths.Page, ShowAsync).ExcludeFromDescription();
        app.MapPost(OperatorPaths.Login, LoginAsync).ExcludeFromDescription();
        app.MapPost(OperatorPaths.Logout, LogoutAsync).ExcludeFromDescription();
    }

    private static async Task ShowAsync(HttpContext context, IAntiforgery antiforgery, OperatorStatusQueries queries)
    {
        var principal = await SignedInAsync(context);
        if (principal is null)
        {
            await WriteLoginAsync(context, antiforgery, StatusCodes.Status200OK, null);
            return;
        }
        var status = await queries.ReadAsync(context.RequestAborted);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var nonce = Nonce();
        await WriteAsync(context, StatusCodes.Status200OK, nonce,
            StatusPage.Render(status, principal.FindFirstValue(ClaimTypes.Name) ?? "", nonce, tokens.FormFieldName, tokens.RequestToken!));
    }

    private static async Task LoginAsync(HttpContext context, IAntiforgery antiforgery, AdminKeyService keys)
    {
        if (!await IsValidFormAsync(context, antiforgery))
        {
            await WriteLoginAsync(context, antiforgery, StatusCodes.Status400BadRequest, "The form was not accepted (it expired or came from elsewhere). Please sign in again.");
            return;
        }
        var key = await keys.FindAsync(context.Request.Form[OperatorPaths.KeyField].ToString().Trim(), context.RequestAborted);
        if (key is null)
        {
            await WriteLoginAsync(context, antiforgery, StatusCodes.Status401Unauthorized, "That is no active admin key.");
            return;
        }
        await context.SignInAsync(OperatorSession.Scheme, OperatorSession.PrincipalOf(key));
        // Post/redirect/get: reloading the page does not post the key again.
        context.Response.Redirect(OperatorPaths.Page);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static async Task LogoutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        // The token was issued to the signed-in user: validate it as that user.
        if (await SignedInAsync(context) is null || !await IsValidFormAsync(context, antiforgery))
        {
            await WriteLoginAsync(context, antiforgery, StatusCodes.Status400BadRequest, "Not signed out: the form was not accepted.");
            return;
        }
        await context.SignOutAsync(OperatorSession.Scheme);
        context.Response.Redirect(OperatorPaths.Page);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private static async Task<ClaimsPrincipal?> SignedInAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OperatorSession.Scheme);
        if (!result.Succeeded) return null;
        // Antiforgery tokens are bound to the user they were issued to.
        context.User = result.Principal;
        return result.Principal;
    }

    private static async Task<bool> IsValidFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || context.Request.ContentLength is null or > MaxFormBytes) return false;
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static Task WriteLoginAsync(HttpContext context, IAntiforgery antiforgery, int status, string? message)
    {
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        var tokens = antiforgery.GetAndStoreTokens(context);
        var nonce = Nonce();
        return WriteAsync(context, status, nonce, LoginPage.Render(nonce, tokens.FormFieldName, tokens.RequestToken!, message));
    }

    private static Task WriteAsync(HttpContext context, int status, string nonce, string html)
    {
        var headers = context.Response.Headers;
        // Nothing but the page itself: no script at all, the one style block by its nonce, forms only back to us.
        headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static string Nonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
}
