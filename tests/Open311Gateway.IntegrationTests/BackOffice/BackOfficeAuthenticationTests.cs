using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.BackOffice;

public sealed class BackOfficeAuthenticationTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static readonly object Fixed = new { update_id = "X-1", status = "FIXED" };

    [Fact]
    public async Task Without_a_key_the_back_office_api_answers_401_with_a_bearer_challenge()
    {
        var id = await app.PostReportAsync();

        var response = await app.PostBackOfficeUpdateAsync(null, id, Fixed);

        await AssertRefusedAsync(response, id);
    }

    [Theory]
    [InlineData("o311_000000000000_falsch")]
    [InlineData("kein-schluessel")]
    [InlineData("o311_")]
    public async Task A_wrong_key_is_refused_with_401(string key)
    {
        var id = await app.PostReportAsync();

        await AssertRefusedAsync(await app.PostBackOfficeUpdateAsync(key, id, Fixed), id);
    }

    [Fact]
    public async Task A_right_key_with_a_wrong_secret_is_refused_with_401()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportAsync();
        var keyId = key.Split('_')[1];

        await AssertRefusedAsync(await app.PostBackOfficeUpdateAsync($"o311_{keyId}_{new string('A', 43)}", id, Fixed), id);
    }

    [Fact]
    public async Task A_client_apps_api_key_is_no_back_office_key()
    {
        var id = await app.PostReportAsync();

        await AssertRefusedAsync(await app.PostBackOfficeUpdateAsync(app.ApiKey, id, Fixed), id);
    }

    [Fact]
    public async Task Another_scheme_than_bearer_is_refused_with_401()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportAsync();
        var message = new HttpRequestMessage(HttpMethod.Post, $"/backoffice/v1/requests/{id}/updates")
        {
            Content = new StringContent("""{"update_id":"X-1","status":"FIXED"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.TryAddWithoutValidation("Authorization", "Basic " + key);

        await AssertRefusedAsync(await app.Client.SendAsync(message), id);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportAsync();
        await (await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "VORHER", status = "IN_PROGRESS" })).AssertStatusAsync(HttpStatusCode.OK);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<BackOfficeKeyService>().RevokeAsync(key, CancellationToken.None));

        var response = await app.PostBackOfficeUpdateAsync(key, id, Fixed);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("VORHER", Assert.Single(await app.UpdatesOfAsync(id)).SenderUpdateId);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string id)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var error = Assert.Single((JArray)await response.JsonAsync());
        Assert.Equal("401", (string)error["code"]!);
        Assert.Contains("Bearer", (string)error["description"]!);
        Assert.Empty(await app.UpdatesOfAsync(id));
        Assert.Equal("OPEN", (await app.RequestRowAsync(id)).ExtendedStatus);
    }
}
