using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Open311Gateway.Api.AdminKeys;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Operator;

/// <summary>
/// The status page's sign-in: ASP.NET Core cookie authentication whose ticket names the admin key by its key id, never the
/// key itself; the ticket is encrypted with the data-protection key ring kept in the database, so every API process
/// reads a cookie any of them issued. Each request checks that the key is still active: revoking it ends its sessions (ADR 20).
/// </summary>
public static class OperatorSession
{
    public const string Scheme = "Operator";
    public const string CookieName = "open311_operator";
    public const string AntiforgeryCookieName = "open311_operator_af";
    public const string AntiforgeryField = "__af";
    private const string ApplicationName = "Open311Gateway";

    public static IServiceCollection AddOperatorPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.Section)
            .Validate(o => o.SessionIdleTimeout > TimeSpan.Zero, "Operator:SessionIdleTimeout must be positive.").ValidateOnStart();
        var options = configuration.GetSection(OperatorOptions.Section).Get<OperatorOptions>() ?? new OperatorOptions();
        var secure = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<GatewayDbContext>();
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = OperatorPaths.Root;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = options.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = EndSessionOfRevokedKeyAsync;
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = AntiforgeryCookieName;
            antiforgery.Cookie.Path = OperatorPaths.Root;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.FormFieldName = AntiforgeryField;
            // The page sends X-Frame-Options DENY and frame-ancestors 'none' itself.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        services.AddScoped<OperatorStatusQueries>();
        return services;
    }

    public static ClaimsPrincipal PrincipalOf(Data.Entities.AdminKey key) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, key.KeyId), new Claim(ClaimTypes.Name, key.Name)], Scheme));

    private static async Task EndSessionOfRevokedKeyAsync(CookieValidatePrincipalContext context)
    {
        var keyId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var keys = context.HttpContext.RequestServices.GetRequiredService<AdminKeyService>();
        if (keyId is not null && await keys.IsActiveAsync(keyId, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
