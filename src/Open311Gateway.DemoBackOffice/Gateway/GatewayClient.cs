using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Open311Gateway.DemoBackOffice.Gateway;

/// <summary>Sends a status to the gateway's back-office API: <c>POST backoffice/v1/requests/{id}/updates</c>.</summary>
public sealed class GatewayClient(HttpClient http, IOptions<DemoBackOfficeOptions> options, TimeProvider clock)
{
    public async Task<StatusSent> SendStatusAsync(
        string serviceRequestId, string status, string? notes, string? agency, CancellationToken cancellationToken)
    {
        var updateId = Guid.NewGuid().ToString();
        var baseUrl = options.Value.GatewayUrl.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{baseUrl}/backoffice/v1/requests/{Uri.EscapeDataString(serviceRequestId)}/updates")
        {
            // Buffered, not streamed: a Content-Length suits more servers than chunked encoding.
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["update_id"] = updateId,
                ["status"] = status,
                ["status_notes"] = notes,
                ["agency_responsible"] = agency,
            }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BackOfficeKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            return new StatusSent(serviceRequestId, updateId, status, clock.GetUtcNow(), (int)response.StatusCode, Shorten(answer));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new StatusSent(serviceRequestId, updateId, status, clock.GetUtcNow(), null, $"Gateway nicht erreichbar: {e.Message}");
        }
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
