using MassTransit;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Api.StatusPolls;

/// <summary>Receives workers' poll answers on the outcome queue; the API host owns the database and applies them.</summary>
public sealed class StatusPollAnsweredConsumer(StatusPollAnswerRecorder recorder) : IConsumer<StatusPollAnswered>
{
    public Task Consume(ConsumeContext<StatusPollAnswered> context) => recorder.RecordAsync(context.Message, context.CancellationToken);
}
