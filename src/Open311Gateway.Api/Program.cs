using Open311Gateway.Api;
using Open311Gateway.Api.Cli;
using Open311Gateway.ServiceDefaults.Configuration;

var builder = WebApplication.CreateBuilder(OperatorCommands.HostArguments(args));
builder.Configuration.AddSecretFiles();
builder.AddGatewayApi();
var app = builder.Build();

if (OperatorCommands.IsCommand(args))
    return await OperatorCommands.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);

app.UseGatewayApi();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
