using System.Text.Json;

namespace Open311Gateway.Bench.Receivers;

/// <summary>A webhook back office that answers at once with a case id; it does not check signatures (not what is measured).</summary>
public sealed class WebhookReceiver : IBenchReceiver
{
    private WebApplication? _app;

    public ArrivalLog Arrivals { get; } = new();

    public async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var id = body.RootElement.GetProperty("service_request_id").GetString()!;
            Arrivals.Arrived(id);
            return Microsoft.AspNetCore.Http.Results.Json(new { case_id = "BENCH-" + id });
        });
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
