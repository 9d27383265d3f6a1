using Open311Gateway.Api.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGatewayData(builder.Configuration);
builder.Services.AddControllers().AddNewtonsoftJson();

var app = builder.Build();
app.MapControllers();
app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
