namespace Open311Gateway.Worker.Adapters;

/// <summary>What an adapter knows about the try it is making.</summary>
/// <param name="MayRepeat">
/// An earlier try of this message may have reached the back office (a later attempt, a short retry, or a message
/// redelivered after a worker died). Adapters without an idempotency key look for an earlier copy then.
/// </param>
public sealed record AttemptContext(bool MayRepeat)
{
    public static AttemptContext First { get; } = new(false);
    public static AttemptContext Repeat { get; } = new(true);
}
