using Microsoft.AspNetCore.Mvc;
using Open311Gateway.DemoBackOffice.Gateway;

namespace Open311Gateway.DemoBackOffice.Pages;

/// <summary>The page's status form: forwards it to the gateway, logs the answer, goes back to the page.</summary>
public static class StatusFormEndpoint
{
    public static void MapStatusForm(this IEndpointRouteBuilder app) =>
        app.MapPost("/reports/{serviceRequestId}/status", async (
            string serviceRequestId,
            [FromForm] string status,
            [FromForm(Name = "status_notes")] string? notes,
            [FromForm(Name = "agency_responsible")] string? agency,
            GatewayClient gateway,
            StatusLog log,
            CancellationToken cancellationToken) =>
        {
            if (!StatusCodes311.All.Contains(status)) return Results.BadRequest($"unknown status '{status}'");
            log.Add(await gateway.SendStatusAsync(serviceRequestId, status, NullIfBlank(notes), NullIfBlank(agency), cancellationToken));
            return Results.Redirect("/");
        });

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
