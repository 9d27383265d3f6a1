// The adapter worker: consumes its jurisdictions' delivery queues, forwards each message to the back office
// through the adapter its route names, and sends each attempt's outcome to the API (specs/asyncapi.yaml).
using Open311Gateway.ServiceDefaults;
using Open311Gateway.ServiceDefaults.Configuration;
using Open311Gateway.Worker.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddSecretFiles();
// Its only HTTP is the management port: /metrics, /health/live and /health/ready (the broker connected).
builder.AddGatewayServiceDefaults("open311-gateway-worker", defaultManagementPort: 9465, healthOnManagementPort: true);
builder.Services.AddDeliveryWorker();
builder.Build().Run();
