using System.Net;
using Microsoft.Extensions.Options;
using SmtpServer;

namespace Open311Gateway.DemoBackOffice.Inbox;

/// <summary>The SMTP server of the demo inbox, for as long as the demo back office runs. Plain SMTP, no log-in: a demo on loopback.</summary>
public sealed class DemoSmtpServer(InboxMessageStore store, IOptions<DemoBackOfficeOptions> options, ILogger<DemoSmtpServer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.Enabled) return;
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName("demo-backoffice.example")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Parse(smtp.Host), smtp.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        logger.LogInformation("Demo inbox: SMTP server on {Host}:{Port}", smtp.Host, smtp.Port);
        try
        {
            await new SmtpServer.SmtpServer(serverOptions, services).StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
