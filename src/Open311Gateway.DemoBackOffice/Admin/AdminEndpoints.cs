namespace Open311Gateway.DemoBackOffice.Admin;

/// <summary>Switches the simulated outage for demos: <c>POST /admin/fail?status=503</c>, <c>POST /admin/recover</c>.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/fail", (OutageSwitch outage, int? status) =>
        {
            var code = status ?? 503;
            if (code is < 100 or > 599) return Results.BadRequest(new { error = "status must be an HTTP status code" });
            outage.FailWith = code;
            return Results.Ok(new { fail_with = code });
        });
        app.MapPost("/admin/recover", (OutageSwitch outage) =>
        {
            outage.FailWith = null;
            return Results.Ok(new { fail_with = (int?)null });
        });
    }
}
