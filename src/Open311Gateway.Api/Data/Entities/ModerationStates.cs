namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// A report's moderation (ADR 15). Only a published report can be seen by the public; the back office receives
/// every report at once, whatever its state.
/// </summary>
public static class ModerationStates
{
    /// <summary>Shown to the public (the state of every report in a jurisdiction that holds nothing).</summary>
    public const string Published = "published";
    /// <summary>New in a jurisdiction that holds new reports (<c>hold_new_reports</c>); waits for release.</summary>
    public const string Held = "held";
    /// <summary>Taken from public view by the back office or an operator.</summary>
    public const string Hidden = "hidden";
}
