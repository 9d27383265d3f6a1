namespace Open311Gateway.Api.Moderation;

/// <summary>
/// What a release or hide did: <see cref="Found"/> false when there is no such report (for the caller);
/// <see cref="Changed"/> false when it was in that state already. <see cref="VisibleToPublic"/> tells whether the
/// public sees it now, which also depends on its service (private, blackbox).
/// </summary>
public sealed record ModerationOutcome(bool Found, bool Changed, string? State, bool VisibleToPublic)
{
    public static ModerationOutcome NotFound { get; } = new(false, false, null, false);
}
