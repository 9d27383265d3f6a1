using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Consumers;

namespace Open311Gateway.Tests.Worker;

/// <summary>The consumers on MassTransit's in-memory transport, wired exactly as the worker wires its RabbitMQ queues.</summary>
public sealed class DeliveryConsumerTests : IAsyncLifetime
{
    private static readonly string Queue = DeliveryQueues.ForJurisdiction(WorkerTestServices.Jurisdiction);

    private readonly ConcurrentQueue<object> _errorQueue = new();
    private StubBackOffice _backOffice = StubBackOffice.Answering(HttpStatusCode.OK);
    private ServiceProvider? _provider;

    private ITestHarness Harness => _provider!.GetRequiredService<ITestHarness>();

    private async Task StartWorker(StubBackOffice backOffice)
    {
        _backOffice = backOffice;
        _provider = WorkerTestServices.Create(backOffice)
            .AddMassTransitTestHarness(x =>
            {
                x.AddDeliveryConsumers();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.ReceiveDeliveryEndpoints(context);
                    // Watches the dead letters: what MassTransit moves to <queue>_error lands here.
                    cfg.ReceiveEndpoint(Queue + "_error", e =>
                    {
                        e.ConfigureConsumeTopology = false;
                        e.Handler<ServiceRequestSubmitted>(c => { _errorQueue.Enqueue(c.Message); return Task.CompletedTask; });
                    });
                });
            })
            .BuildServiceProvider(validateScopes: true);
        await Harness.Start();
    }

    private async Task Send<T>(T message) where T : class
    {
        var endpoint = await Harness.Bus.GetSendEndpoint(new Uri("queue:" + Queue));
        await endpoint.Send(message);
    }

    private IReadOnlyList<DeliveryAttempted> Outcomes() =>
        Harness.Sent.Select<DeliveryAttempted>().Select(p => p.Context.Message).ToList();

    [Fact]
    public async Task A_report_the_back_office_accepts_is_published_as_delivered_with_its_case_id()
    {
        await StartWorker(StubBackOffice.Answering(HttpStatusCode.OK, """{"case_id":"CASE-1"}"""));

        await Send(SampleMessages.Report());

        Assert.True(await Harness.Sent.Any<DeliveryAttempted>());
        var outcome = Assert.Single(Outcomes());
        Assert.Equal(DeliveryOutcome.Delivered, outcome.Outcome);
        Assert.Equal(SampleMessages.Report().DeliveryId, outcome.DeliveryId);
        Assert.Equal(2, outcome.Attempt);
        Assert.Equal("CASE-1", outcome.ExternalCaseId);
        Assert.Equal(200, outcome.HttpStatus);
        Assert.Single(_backOffice.Calls);
    }

    [Fact]
    public async Task A_follow_up_the_back_office_accepts_is_published_as_delivered()
    {
        await StartWorker(StubBackOffice.Answering(HttpStatusCode.NoContent));

        await Send(SampleMessages.FollowUp());

        Assert.True(await Harness.Sent.Any<DeliveryAttempted>());
        var outcome = Assert.Single(Outcomes());
        Assert.Equal((DeliveryOutcome.Delivered, SampleMessages.FollowUp().DeliveryId), (outcome.Outcome, outcome.DeliveryId));
        Assert.Equal("update-u-123", Assert.Single(_backOffice.Calls).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_back_office_that_stays_down_gets_the_short_retries_then_one_failed_outcome_and_nothing_in_the_error_queue()
    {
        await StartWorker(StubBackOffice.Answering(HttpStatusCode.ServiceUnavailable, "Wartung bis 18 Uhr"));

        await Send(SampleMessages.Report());

        Assert.True(await Harness.Sent.Any<DeliveryAttempted>());
        Assert.False(await Harness.Published.Any<Fault<ServiceRequestSubmitted>>());
        var outcome = Assert.Single(Outcomes());
        Assert.Equal(DeliveryOutcome.Failed, outcome.Outcome);
        Assert.Equal(503, outcome.HttpStatus);
        Assert.Equal("HTTP 503: Wartung bis 18 Uhr", outcome.Detail);
        Assert.Equal(3, _backOffice.Calls.Count); // the first try and two short retries ([0, 0])
        Assert.Empty(_errorQueue);
    }

    [Fact]
    public async Task A_back_office_that_recovers_during_the_short_retries_is_delivered_once()
    {
        await StartWorker(new StubBackOffice((call, _) => Task.FromResult(new HttpResponseMessage(
            call == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.OK))));

        await Send(SampleMessages.Report());

        Assert.True(await Harness.Sent.Any<DeliveryAttempted>());
        Assert.Equal(DeliveryOutcome.Delivered, Assert.Single(Outcomes()).Outcome);
        Assert.Equal(2, _backOffice.Calls.Count);
    }

    [Fact]
    public async Task A_refusal_is_published_as_rejected_at_once_without_retries()
    {
        await StartWorker(StubBackOffice.Answering(HttpStatusCode.UnprocessableEntity, "Kategorie unbekannt"));

        await Send(SampleMessages.Report());

        Assert.True(await Harness.Sent.Any<DeliveryAttempted>());
        var outcome = Assert.Single(Outcomes());
        Assert.Equal((DeliveryOutcome.Rejected, 422, "HTTP 422: Kategorie unbekannt"), (outcome.Outcome, outcome.HttpStatus, outcome.Detail));
        Assert.Single(_backOffice.Calls);
    }

    [Fact]
    public async Task A_report_for_an_unknown_adapter_faults_into_the_error_queue_without_retries()
    {
        await StartWorker(StubBackOffice.Answering(HttpStatusCode.OK));

        await Send(SampleMessages.Report(adapter: "brieftaube"));

        Assert.True(await Harness.Published.Any<Fault<ServiceRequestSubmitted>>());
        var fault = Harness.Published.Select<Fault<ServiceRequestSubmitted>>().Single().Context.Message;
        Assert.Contains("'brieftaube'", fault.Exceptions.Single().Message);
        Assert.Equal(SampleMessages.Report().DeliveryId, fault.Message.DeliveryId);
        Assert.Empty(Outcomes());
        Assert.Empty(_backOffice.Calls);
        Assert.Single(Harness.Consumed.Select<ServiceRequestSubmitted>(c => c.Context.DestinationAddress!.AbsolutePath.EndsWith(Queue)));
        await WaitUntil(() => !_errorQueue.IsEmpty);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(condition(), "condition not met within 5 s");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_provider is not null) await _provider.DisposeAsync();
    }
}
