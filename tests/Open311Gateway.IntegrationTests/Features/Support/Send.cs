using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Support;

/// <summary>Ways of sending a POST that <see cref="HttpHelpers"/> lacks: JSON bodies, raw bodies, repeated fields.</summary>
public static class Send
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, JObject body) =>
        client.PostRawAsync(path, body.ToString(Newtonsoft.Json.Formatting.None), "application/json");

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType) =>
        client.PostRawAsync(path, Encoding.UTF8.GetBytes(body), contentType);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(HttpHelpers.Base + path, content);
    }

    /// <summary>A form body written by hand, so that a field may repeat and keys need no escaping help.</summary>
    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));

    public static Task<HttpResponseMessage> PostFormTextAsync(this HttpClient client, string path, string formBody) =>
        client.PostRawAsync(path, formBody, "application/x-www-form-urlencoded");

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string path) =>
        client.SendAsync(new HttpRequestMessage(method, HttpHelpers.Base + path));
}
