using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Adapters.Email;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Tests.Worker;

/// <summary>The adapter as the worker registers it: configuration, poison, and SMTP servers that are not there or stall.</summary>
public class EmailAdapterTests
{
    private static ServiceProvider Provider(IDictionary<string, string?>? settings = null) =>
        WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK), settings).BuildServiceProvider();

    private static IBackOfficeAdapter Adapter(ServiceProvider provider) => provider.GetRequiredService<AdapterRegistry>().Get("email");

    [Fact]
    public async Task An_unconfigured_adapter_does_not_stop_the_worker_and_makes_its_messages_poison()
    {
        await using var provider = Provider();
        Assert.False(provider.GetRequiredService<IOptions<EmailOptions>>().Value.IsConfigured);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Adapter(provider).ForwardRequestAsync(EmailSamples.Report(), AttemptContext.First, CancellationToken.None));
        Assert.Contains("not configured", error.Message);
        Assert.Contains("Adapters:Email:Smtp:Host", error.Message);
    }

    [Fact]
    public async Task A_configured_adapter_with_unusable_settings_fails_at_start_up_naming_each_problem()
    {
        await using var provider = Provider(new Dictionary<string, string?>
        {
            ["Adapters:Email:Smtp:Host"] = "smtp.musterstadt.example",
            ["Adapters:Email:Smtp:Username"] = "gateway",
            ["Adapters:Email:From:Address"] = "kein-postfach",
            ["Adapters:Email:TimeoutSeconds"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("From:Address"));
        Assert.Contains(error.Failures, f => f.Contains("Password"));
        Assert.Contains(error.Failures, f => f.Contains("TimeoutSeconds"));
    }

    [Theory]
    [InlineData(null, null, SmtpSecurity.StartTls, 587)]
    [InlineData(465, null, SmtpSecurity.SslOnConnect, 465)]
    [InlineData(25, null, SmtpSecurity.StartTls, 25)]
    [InlineData(null, SmtpSecurity.SslOnConnect, SmtpSecurity.SslOnConnect, 465)]
    [InlineData(2525, SmtpSecurity.None, SmtpSecurity.None, 2525)]
    public void Tls_is_the_default_and_the_port_follows_it(int? port, SmtpSecurity? security, SmtpSecurity effective, int effectivePort)
    {
        var smtp = new SmtpOptions { Host = "smtp.example", Port = port, Security = security };

        Assert.Equal(effective, smtp.EffectiveSecurity);
        Assert.Equal(effectivePort, smtp.EffectivePort);
    }

    [Fact]
    public async Task A_recipient_outside_the_jurisdictions_mail_domains_is_poison_and_nothing_is_sent()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        await using var provider = Provider(EmailSamples.Settings(((IPEndPoint)server.LocalEndpoint).Port));
        var report = EmailSamples.Report() with { Route = EmailSamples.Route() with { Endpoint = "irgendwer@anderswo.example" } };

        var error = await Assert.ThrowsAsync<DestinationNotAllowedException>(() =>
            Adapter(provider).ForwardRequestAsync(report, AttemptContext.First, CancellationToken.None));
        Assert.Contains("anderswo.example", error.Message);
        Assert.False(server.Pending(), "no connection was made to the SMTP server");
    }

    [Theory]
    [InlineData("https://backoffice.musterstadt.example/webhook")]
    [InlineData("Maengel <maengel@musterstadt.example>")]
    [InlineData("maengel@musterstadt.example, chef@musterstadt.example")]
    public async Task An_endpoint_that_is_not_one_plain_address_is_poison(string endpoint)
    {
        await using var provider = Provider(EmailSamples.Settings(2525));
        var report = EmailSamples.Report() with { Route = EmailSamples.Route() with { Endpoint = endpoint } };

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            Adapter(provider).ForwardRequestAsync(report, AttemptContext.First, CancellationToken.None));
    }

    [Fact]
    public async Task A_mailto_endpoint_is_taken_as_its_address()
    {
        await using var provider = Provider(EmailSamples.Settings(ClosedPort()));
        var report = EmailSamples.Report() with { Route = EmailSamples.Route() with { Endpoint = "mailto:" + EmailSamples.Recipient } };

        var result = await Adapter(provider).ForwardRequestAsync(report, AttemptContext.First, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome); // got as far as connecting: the address was accepted
    }

    [Fact]
    public async Task An_smtp_server_that_refuses_connections_is_a_failed_attempt()
    {
        await using var provider = Provider(EmailSamples.Settings(ClosedPort()));

        var result = await Adapter(provider).ForwardRequestAsync(EmailSamples.Report(), AttemptContext.First, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("unreachable", result.Detail);
    }

    [Fact]
    public async Task An_smtp_server_that_accepts_the_connection_and_never_greets_is_a_failed_attempt_within_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        await using var provider = Provider(EmailSamples.Settings(((IPEndPoint)silent.LocalEndpoint).Port, timeoutSeconds: 0.5));

        var watch = Stopwatch.StartNew();
        var result = await Adapter(provider).ForwardRequestAsync(EmailSamples.Report(), AttemptContext.First, CancellationToken.None);
        watch.Stop();

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {watch.Elapsed}");
        Assert.Contains("0.5 s", result.Detail);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task The_workers_own_cancellation_propagates_instead_of_becoming_a_failure()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var provider = Provider(EmailSamples.Settings(((IPEndPoint)silent.LocalEndpoint).Port, timeoutSeconds: 30));
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Adapter(provider).ForwardRequestAsync(EmailSamples.Report(), AttemptContext.First, stopping.Token));
    }

    // A port nothing listens on: bound once by us to learn a free number, then released.
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
