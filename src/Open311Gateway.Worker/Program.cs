// The adapter worker: consumes its jurisdictions' delivery queues, forwards each message to the back office
// through the adapter its route names, and sends each attempt's outcome to the API (specs/asyncapi.yaml).
using Open311Gateway.Worker.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddSecretFiles();
builder.Services.AddDeliveryWorker();
builder.Build().Run();
