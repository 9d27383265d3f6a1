// A stand-in municipal back office for demos: receives the worker's signed webhooks (specs/webhook.md) and, as a
// demo inbox, the e-mail adapter's mails over SMTP; keeps them in memory, and sends statuses back to the gateway's
// back-office API (a mail's status links go to the gateway directly).
using Open311Gateway.DemoBackOffice;
using Open311Gateway.DemoBackOffice.Admin;
using Open311Gateway.DemoBackOffice.Gateway;
using Open311Gateway.DemoBackOffice.Inbox;
using Open311Gateway.DemoBackOffice.Pages;
using Open311Gateway.DemoBackOffice.Received;
using Open311Gateway.DemoBackOffice.Webhook;
using Open311Gateway.ServiceDefaults.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSecretFiles();
builder.Services.AddOptions<DemoBackOfficeOptions>()
    .BindConfiguration(DemoBackOfficeOptions.Section)
    .Validate(o => o.Secret.Length > 0, "DemoBackOffice:Secret is empty: set it to the worker's webhook secret for this jurisdiction.")
    .Validate(o => !o.Smtp.Enabled || System.Net.IPAddress.TryParse(o.Smtp.Host, out _) && o.Smtp.Port is > 0 and <= 65535,
        "DemoBackOffice:Smtp needs an IP address as Host and a port between 1 and 65535.")
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ReceivedStore>();
builder.Services.AddSingleton<OutageSwitch>();
builder.Services.AddSingleton<StatusLog>();
builder.Services.AddSingleton<InboxStore>();
builder.Services.AddSingleton<InboxMessageStore>();
builder.Services.AddHostedService<DemoSmtpServer>();
builder.Services.AddHttpClient<GatewayClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
builder.Services.AddAntiforgery();

var app = builder.Build();
app.UseAntiforgery();
app.MapWebhook();
app.MapAdmin();
app.MapReceived();
app.MapHomePage();
app.MapInboxPage();
app.MapStatusForm();
app.Run();
