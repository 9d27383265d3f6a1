// The adapter worker: consumes queued reports and forwards them to back offices (built in issue 3).
var builder = Host.CreateApplicationBuilder(args);
var host = builder.Build();
host.Run();
