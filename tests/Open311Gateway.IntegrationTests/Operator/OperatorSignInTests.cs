using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.AdminKeys;

namespace Open311Gateway.IntegrationTests.Operator;

/// <summary>The sign-in's defences, over real HTTP: antiforgery, no key in URLs, revoked keys, the page's headers.</summary>
public sealed partial class OperatorSignInTests(OperatorPageApp app) : IClassFixture<OperatorPageApp>
{
    [Fact]
    public async Task A_login_post_without_the_forms_token_is_refused_even_with_the_right_key()
    {
        using var browser = NewClient(out var cookies);
        await browser.GetAsync("/operator/");

        var response = await browser.PostAsync("/operator/login", new FormUrlEncodedContent([new("admin_key", app.AdminKey)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "open311_operator");
    }

    [Fact]
    public async Task A_key_in_the_url_signs_nobody_in()
    {
        using var browser = NewClient(out var cookies);

        var page = await browser.GetStringAsync($"/operator/?admin_key={Uri.EscapeDataString(app.AdminKey)}");

        Assert.Contains("id=\"admin_key\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "open311_operator");
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_session_at_the_next_request()
    {
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
            (_, key) = await scope.ServiceProvider.GetRequiredService<AdminKeyService>().CreateAsync("Bereitschaft", CancellationToken.None);
        using var browser = NewClient(out _);
        var signedIn = await SignInAsync(browser, key);
        Assert.Contains("Sign out", signedIn, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<AdminKeyService>().RevokeAsync(key, CancellationToken.None));

        var after = await browser.GetStringAsync("/operator/");
        Assert.Contains("id=\"admin_key\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_allows_no_script_no_foreign_style_and_no_framing_and_is_not_cached()
    {
        using var browser = NewClient(out _);
        await SignInAsync(browser, app.AdminKey);

        var response = await browser.GetAsync("/operator/");

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches(@"^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{24}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$", policy);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""), StringComparison.Ordinal);
    }

    private async Task<string> SignInAsync(HttpClient browser, string key)
    {
        var form = await browser.GetStringAsync("/operator/");
        var token = Token().Match(form).Groups[1].Value;
        var response = await browser.PostAsync("/operator/login", new FormUrlEncodedContent([new("admin_key", key), new("__af", WebUtility.HtmlDecode(token))]));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return await browser.GetStringAsync("/operator/");
    }

    private HttpClient NewClient(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
